package com.escalationanalyst.knowledge;

import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.security.PageCsrf;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /knowledge}: browse both spaces, upload a new version, activate or deactivate. */
@Controller
class KnowledgePage {

    private final KnowledgeService knowledge;
    private final IdentityService identityService;

    KnowledgePage(KnowledgeService knowledge, IdentityService identityService) {
        this.knowledge = knowledge;
        this.identityService = identityService;
    }

    record SpaceView(String id, String accepts, List<KnowledgeController.DocumentVersions> documents) {
    }

    @GetMapping("/knowledge")
    String page(Model model, HttpServletRequest request) {
        model.addAttribute("csrf", PageCsrf.token(request));
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("spaces", List.of(
                new SpaceView("escalation-policies", ".md, .yaml",
                        KnowledgeController.versions(knowledge.documents("escalation-policies"))),
                new SpaceView("known-issues", ".yaml, .json, .csv (also Jira exports)",
                        KnowledgeController.versions(knowledge.documents("known-issues")))));
        return "knowledge";
    }

    @PostMapping("/knowledge/{space}")
    String upload(@PathVariable String space, @RequestPart("file") MultipartFile file,
                  @RequestParam(name = PageCsrf.FIELD, required = false) String csrf, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect, Model model) throws IOException {
        sameOrigin(request, csrf);
        try (InputStream in = file.getInputStream()) {
            KnowledgeDocument stored = knowledge.upload(space, file.getOriginalFilename(), file.getSize(), in,
                    identityService.getCurrentAuthentication().getUserId());
            redirect.addFlashAttribute("message", stored.name() + " version " + stored.version()
                    + " uploaded to " + space + " and active.");
            return "redirect:/knowledge";
        } catch (KnowledgeValidationException e) {
            response.setStatus(e.type().status().value());
            model.addAttribute("errorSpace", space);
            model.addAttribute("errorFile", file.getOriginalFilename());
            model.addAttribute("errors", e.reasons());
            return page(model, request);
        }
    }

    @PostMapping("/knowledge/{space}/{name}/activate")
    String activate(@PathVariable String space, @PathVariable String name, @RequestParam int version,
                    @RequestParam(name = PageCsrf.FIELD, required = false) String csrf,
                    HttpServletRequest request, RedirectAttributes redirect) {
        sameOrigin(request, csrf);
        knowledge.activate(space, name, version);
        redirect.addFlashAttribute("message", name + " version " + version + " is active.");
        return "redirect:/knowledge";
    }

    @PostMapping("/knowledge/{space}/{name}/deactivate")
    String deactivate(@PathVariable String space, @PathVariable String name,
                      @RequestParam(name = PageCsrf.FIELD, required = false) String csrf, HttpServletRequest request,
                      RedirectAttributes redirect) {
        sameOrigin(request, csrf);
        knowledge.deactivate(space, name);
        redirect.addFlashAttribute("message", name + " is no longer active (its versions are kept).");
        return "redirect:/knowledge";
    }

    /** A refused post, a missing document or version: the page again, with the reasons, and their status. */
    @ExceptionHandler(KnowledgeValidationException.class)
    String refused(KnowledgeValidationException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.type().status().value());
        model.addAttribute("errors", e.reasons());
        return page(model, request);
    }

    /** Forms post only from this page, in this session (see PageCsrf). */
    private static void sameOrigin(HttpServletRequest request, String csrf) {
        String problem = PageCsrf.problem(request, csrf);
        if (problem != null) {
            throw new KnowledgeValidationException(ProblemType.FORBIDDEN, List.of(problem));
        }
    }
}
