package com.escalationanalyst;

import com.escalationanalyst.dataimport.ImportRejectedException;
import com.escalationanalyst.dataimport.ImportResult;
import com.escalationanalyst.dataimport.ImportService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar escalation-analyst.jar import [--accounts FILE] [--tickets FILE] [spring options]}:
 * the same validation as the API, for operators. Accounts are imported before tickets; each file
 * is all or nothing. Exit code 0 when every file was imported, 1 when a file was refused,
 * 2 for a usage or system error.
 */
public final class ImportCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int FAILED = 2;

    private ImportCommand() {
    }

    public static boolean isImportCommand(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--accounts") || arg.equals("--tickets")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    err.println(arg + " needs a file.");
                    err.println(usage());
                    return FAILED;
                }
                files.put(arg.substring(2), Path.of(args[++i]));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println("Unexpected argument '" + arg + "'.");
                err.println(usage());
                return FAILED;
            }
        }
        if (files.isEmpty()) {
            err.println(usage());
            return FAILED;
        }
        for (Path file : files.values()) {
            if (!Files.isReadable(file)) {
                err.println("Cannot read " + file.toAbsolutePath());
                return FAILED;
            }
        }
        SpringApplication application = new SpringApplication(EscalationAnalystApplication.class);
        application.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
            ImportService imports = context.getBean(ImportService.class);
            // accounts first, so the tickets that follow find their accounts
            for (String kind : new String[] {"accounts", "tickets"}) {
                Path file = files.get(kind);
                if (file == null) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    ImportResult result = kind.equals("accounts") ? imports.importAccounts(in) : imports.importTickets(in);
                    out.printf("%s: %d inserted, %d updated (%s)%n", kind, result.inserted(), result.updated(), file);
                } catch (ImportRejectedException e) {
                    err.println(kind + " from " + file + ": " + e.getMessage());
                    return REFUSED;
                }
            }
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("Import failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static String usage() {
        return "Usage: java -jar escalation-analyst.jar import [--accounts FILE] [--tickets FILE] [--spring.option=value ...]";
    }
}
