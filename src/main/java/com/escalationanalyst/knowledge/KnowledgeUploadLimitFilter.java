package com.escalationanalyst.knowledge;

import com.escalationanalyst.api.ProblemError;
import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a knowledge upload (API or page) whose declared request length already exceeds the upload
 * limit, before any of its body is read. Without this the multipart request is parsed in full before a
 * controller sees it, up to the 4 GB the imports need ({@code spring.servlet.multipart.*}). The
 * controllers check the file's own size as well, for requests that declare no length (chunked).
 * Registered after authentication (default order), so an anonymous request still gets its 401.
 */
@Component
class KnowledgeUploadLimitFilter extends OncePerRequestFilter {

    /** Multipart boundaries and part headers around the file: a few hundred bytes; generous room for more. */
    static final int MULTIPART_ALLOWANCE = 64 * 1024;

    private static final Pattern UPLOAD = Pattern.compile("/(api/)?knowledge/[^/]+");

    private final long limit;

    @Autowired
    KnowledgeUploadLimitFilter(KnowledgeService knowledge) {
        this(knowledge.maxUploadBytes());
    }

    KnowledgeUploadLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > limit + MULTIPART_ALLOWANCE) {
            String message = "the upload has " + length + " bytes; a knowledge document may have at most " + limit
                    + " (" + KnowledgeService.MAX_UPLOAD_BYTES + ")";
            Problems.write(request, response, Problems.withErrors(ProblemType.TOO_LARGE, message,
                    List.of(ProblemError.of(message))), Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
