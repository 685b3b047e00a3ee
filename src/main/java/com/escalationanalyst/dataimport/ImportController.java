package com.escalationanalyst.dataimport;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** CSV import of tickets and accounts: body {@code text/csv} or multipart field {@code file}. */
@RestController
@RequestMapping("/api/import")
class ImportController {

    private final ImportService imports;
    private final StatusChangeImport statusChanges;

    ImportController(ImportService imports, StatusChangeImport statusChanges) {
        this.imports = imports;
        this.statusChanges = statusChanges;
    }

    /** Tickets' status changes (ticket_id, changed_at, status): the SLA clock's pending pauses for imported tickets. */
    @PostMapping(path = "/ticket-status-changes", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportResult statusChangesBody(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return statusChanges.importCsv(body);
        }
    }

    @PostMapping(path = "/ticket-status-changes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult statusChangesMultipart(@RequestPart("file") MultipartFile file) throws IOException {
        return fromPart(file, statusChanges::importCsv);
    }

    @PostMapping(path = "/tickets", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportResult ticketsBody(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return imports.importTickets(body);
        }
    }

    @PostMapping(path = "/tickets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult ticketsMultipart(@RequestPart("file") MultipartFile file) throws IOException {
        return fromPart(file, imports::importTickets);
    }

    @PostMapping(path = "/accounts", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ImportResult accountsBody(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return imports.importAccounts(body);
        }
    }

    @PostMapping(path = "/accounts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult accountsMultipart(@RequestPart("file") MultipartFile file) throws IOException {
        return fromPart(file, imports::importAccounts);
    }

    private static ImportResult fromPart(MultipartFile file, Function<InputStream, ImportResult> importer)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importer.apply(in);
        }
    }
}
