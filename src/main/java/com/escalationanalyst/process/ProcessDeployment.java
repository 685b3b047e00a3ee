package com.escalationanalyst.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ (models, decisions, Python scripts) and forms/ as one deployment whose resource
 * names are the paths in the repository ("bpmn/scripts/self_check.py"), the same in the IDE, in
 * tests and in the jar, so {@code deployment://} references always resolve. Unchanged resources
 * are not deployed again.
 */
@Component
class ProcessDeployment implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "escalation-analyst";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);
    private static final String[] FOLDERS = {"bpmn", "forms"};
    private static final Set<String> DEPLOYED_TYPES = Set.of(".bpmn", ".dmn", ".py", ".form");

    private final RepositoryService repositoryService;

    ProcessDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        List<String> names = new ArrayList<>();
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String folder : FOLDERS) {
                Resource rootResource = resolver.getResource("classpath:" + folder + "/");
                if (!rootResource.exists()) {
                    continue;
                }
                String root = rootResource.getURL().toString();
                for (Resource resource : resolver.getResources("classpath:" + folder + "/**/*.*")) {
                    String url = resource.getURL().toString();
                    String name = folder + "/" + url.substring(root.length());
                    if (DEPLOYED_TYPES.stream().noneMatch(name::endsWith)) {
                        continue;
                    }
                    try (InputStream in = resource.getInputStream()) {
                        deployment.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
                    }
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the process resources to deploy", e);
        }
        Deployment result = deployment.deployWithResult();
        log.info("Deployed {} resources ({}) as deployment {} in {} ms", names.size(), String.join(", ", names),
                result.getId(), (System.nanoTime() - started) / 1_000_000);
    }
}
