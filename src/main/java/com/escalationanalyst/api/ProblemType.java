package com.escalationanalyst.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error the application API answers, each an RFC 9457 problem type with its status and title.
 * The type URIs are relative ({@code /problems/invalid-field}); docs/api.md lists them with their members.
 */
public enum ProblemType {

    /** A request field (body member, query parameter or form field) that cannot be used; member {@code field}. */
    INVALID_FIELD(HttpStatus.BAD_REQUEST, "invalid-field", "A request field cannot be used"),
    /** A request body that is not JSON; member {@code field} = {@code body}. */
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "The request body cannot be read"),
    /** A file refused as a whole, nothing stored; members {@code errors[]} (line, column, message) and {@code truncated}. */
    FILE_REFUSED(HttpStatus.BAD_REQUEST, "file-refused", "The file was refused; nothing of it was stored"),
    /** A knowledge document refused; member {@code errors[]}. */
    DOCUMENT_REFUSED(HttpStatus.BAD_REQUEST, "document-refused", "The document was refused; nothing changed"),
    /** No credentials, or wrong ones. */
    AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "authentication-required", "Authentication required"),
    /** The user lacks a group or a Camunda permission, or a browser's request came from another site. */
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    /** No such resource. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    /** The request conflicts with the current state (already sent, not configured); member {@code field} where one fits. */
    CONFLICT(HttpStatus.CONFLICT, "conflict", "The request conflicts with the current state"),
    /** Another import into the same store held it too long; member {@code errors[]}. */
    IMPORT_BUSY(HttpStatus.CONFLICT, "import-busy", "Another import is running"),
    /** An upload larger than allowed; member {@code errors[]}. */
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The upload is too large"),
    /** A document type a knowledge space does not take; member {@code errors[]}. */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "The media type is not accepted"),
    /** Too many failed sign-ins; member {@code retryAfterSeconds}. */
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed sign-ins"),
    /** Anything unexpected; member {@code reference} names the log line with the details. */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public String title() {
        return title;
    }
}
