package com.escalationanalyst;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationAnalystApplication {

    public static void main(String[] args) {
        if (ImportCommand.isImportCommand(args)) {
            System.exit(ImportCommand.run(args));
        }
        SpringApplication.run(EscalationAnalystApplication.class, args);
    }
}
