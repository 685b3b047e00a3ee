package com.escalationanalyst.knowledge;

import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.knowledge.KnowledgeRepository.StoredContent;
import com.escalationanalyst.knowledge.KnowledgeSpace.DocumentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The knowledge spaces: upload, versions, activation, validation, and the active snapshot the
 * analyses read. Every change runs under a lock on {@code knowledge_state} and bumps its
 * generation; the snapshot (with its search index) is rebuilt when the generation moved, and
 * swapped in one reference assignment, so a reader sees the old or the new knowledge, never a mix.
 */
@Service
public class KnowledgeService implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final String SEED_USER = "seed";
    /** The upload limit's property (the older name {@code escalation.knowledge.max-bytes} is still read). */
    static final String MAX_UPLOAD_BYTES = "escalation.knowledge.max-upload-bytes";

    private final KnowledgeDatabase database;
    private final KnowledgeRepository repository;
    private final Clock clock;
    private final int maxBytes;
    private final int maxRows;
    private final KnownIssueMatcher.Weights matchWeights;
    private final AtomicReference<KnowledgeSnapshot> snapshot = new AtomicReference<>();
    /** Recent snapshots, so a run that started on one generation reads it to its end. */
    private final Map<Long, KnowledgeSnapshot> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, KnowledgeSnapshot> eldest) {
                    return size() > 8;
                }
            });

    KnowledgeService(KnowledgeDatabase database, KnowledgeRepository repository, Clock clock,
                     KnowledgeSettings settings) {
        this.database = database;
        this.repository = repository;
        this.clock = clock;
        this.maxBytes = settings.uploadLimit();
        this.maxRows = settings.maxRows();
        KnownIssueMatcher.Weights defaults = KnownIssueMatcher.Weights.DEFAULT;
        this.matchWeights = new KnownIssueMatcher.Weights(defaults.lexicalWeight(), defaults.lexicalHalf(),
                defaults.areaBonus(), settings.matchMinScore() == null ? defaults.minScore() : settings.matchMinScore(),
                settings.matchMinMargin() == null ? defaults.minMargin() : settings.matchMinMargin());
    }

    @Override
    public void afterSingletonsInstantiated() {
        seedIfEmpty();
        current();
    }

    /** The active knowledge; cheap when nothing changed (one query for the generation). */
    public KnowledgeSnapshot current() {
        long generation = repository.generation();
        KnowledgeSnapshot known = snapshot.get();
        if (known != null && known.generation() == generation) {
            return known;
        }
        synchronized (this) {
            known = snapshot.get();
            if (known != null && known.generation() == repository.generation()) {
                return known;
            }
            KnowledgeSnapshot rebuilt = rebuild();
            recent.put(rebuilt.generation(), rebuilt);
            snapshot.set(rebuilt);
            return rebuilt;
        }
    }

    /**
     * The snapshot of a generation a run started with. A run whose generation was replaced more
     * than a few times while it ran fails (and its job retries) rather than mixing two versions.
     */
    public KnowledgeSnapshot snapshot(long generation) {
        KnowledgeSnapshot known = recent.get(generation);
        if (known == null) {
            known = current();
            if (known.generation() != generation) {
                throw new IllegalStateException("Knowledge generation " + generation + " is no longer available "
                        + "(now " + known.generation() + "); run the analysis again");
            }
        }
        return known;
    }

    public List<KnowledgeDocument> documents(String spaceId) {
        return repository.documents(space(spaceId).id());
    }

    public StoredContent content(String spaceId, String name, Integer version) {
        return repository.content(space(spaceId).id(), name, version).orElseThrow(() -> notFound(spaceId, name, version));
    }

    /** The largest document an upload may carry, in bytes. */
    public int maxUploadBytes() {
        return maxBytes;
    }

    /**
     * Validates and stores a new version, which becomes active; refused uploads change nothing. {@code size}
     * is what the upload declares (-1: unknown): a file declared too large is refused unread, and no more
     * than the limit (and one byte to tell) is ever read of {@code in}, whatever it declared.
     */
    public KnowledgeDocument upload(String spaceId, String fileName, long size, InputStream in, String user)
            throws IOException {
        KnowledgeSpace space = space(spaceId);
        if (size > maxBytes) {
            throw tooLarge("the file has " + size + " bytes");
        }
        byte[] content = in.readNBytes(maxBytes + 1);
        if (content.length > maxBytes) {
            throw tooLarge("the file has more than " + maxBytes + " bytes");
        }
        String name = name(fileName);
        DocumentType type = type(space, name);
        String text = utf8(content);
        ParsedDocument parsed = parse(space, name, type, text);
        KnowledgeDocument stored = database.transactions().execute(tx -> {
            repository.lockState();
            checkAgainstOthers(space, parsed);
            int version = repository.nextVersion(space.id(), name);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            repository.insertActive(space.id(), name, version, type.mediaType(), text, content.length, user, now);
            repository.bumpGeneration();
            return new KnowledgeDocument(space.id(), name, version, type.mediaType(), content.length, user, now, true);
        });
        current();
        log.info("Knowledge {}/{} version {} uploaded by {} and active", space.id(), name, stored.version(), user);
        return stored;
    }

    /** Makes an older (or newer) version the active one; it must still pass validation. */
    public void activate(String spaceId, String name, int version) {
        KnowledgeSpace space = space(spaceId);
        database.transactions().executeWithoutResult(tx -> {
            repository.lockState();
            StoredContent stored = repository.content(space.id(), name, version)
                    .orElseThrow(() -> notFound(spaceId, name, version));
            ParsedDocument parsed = parse(space, name, DocumentType.ofMediaType(stored.mediaType()).orElseThrow(),
                    stored.content());
            checkAgainstOthers(space, parsed);
            repository.activate(space.id(), name, version);
            repository.bumpGeneration();
        });
        current();
        log.info("Knowledge {}/{} version {} activated", space.id(), name, version);
    }

    /** No version of the document stays active; all versions are kept. */
    public void deactivate(String spaceId, String name) {
        KnowledgeSpace space = space(spaceId);
        database.transactions().executeWithoutResult(tx -> {
            repository.lockState();
            if (repository.deactivate(space.id(), name) == 0) {
                throw notFound(spaceId, name, null);
            }
            repository.bumpGeneration();
        });
        current();
        log.info("Knowledge {}/{} deactivated", space.id(), name);
    }

    private void seedIfEmpty() {
        database.transactions().executeWithoutResult(tx -> {
            repository.lockState();
            if (repository.countDocuments() > 0) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (KnowledgeSpace space : KnowledgeSpace.values()) {
                try {
                    for (Resource resource : resolver.getResources("classpath:knowledge/" + space.id() + "/*")) {
                        String name = resource.getFilename();
                        Optional<DocumentType> type = DocumentType.ofName(name);
                        if (type.isEmpty() || !space.accepts(type.get())) {
                            continue;
                        }
                        byte[] bytes;
                        try (InputStream in = resource.getInputStream()) {
                            bytes = in.readAllBytes();
                        }
                        String text = utf8(bytes);
                        parse(space, name, type.get(), text);
                        repository.insertActive(space.id(), name, 1, type.get().mediaType(), text, bytes.length,
                                SEED_USER, now);
                        log.info("Knowledge seed {}/{} loaded", space.id(), name);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the knowledge seed", e);
                }
            }
            repository.bumpGeneration();
        });
    }

    private KnowledgeSnapshot rebuild() {
        long started = System.nanoTime();
        while (true) {
            long generation = repository.generation();
            List<StoredContent> active = repository.activeContents();
            if (repository.generation() != generation) {
                continue; // changed while reading: read again
            }
            Map<String, RootCause> codes = new LinkedHashMap<>();
            List<KnownIssue> issues = new ArrayList<>();
            List<PolicySection> sections = new ArrayList<>();
            SlaPolicies sla = null;
            for (StoredContent document : active) {
                KnowledgeSpace space = KnowledgeSpace.of(document.space()).orElseThrow();
                try {
                    ParsedDocument parsed = parse(space, document.name(),
                            DocumentType.ofMediaType(document.mediaType()).orElseThrow(), document.content());
                    parsed.reasonCodes().forEach(codes::putIfAbsent);
                    if (parsed.slaPolicies() != null && sla == null) {
                        sla = parsed.slaPolicies();
                    }
                    issues.addAll(parsed.knownIssues());
                    sections.addAll(parsed.sections());
                } catch (KnowledgeValidationException e) {
                    log.warn("Knowledge {}/{} version {} is active but no longer valid and is left out: {}",
                            document.space(), document.name(), document.version(), e.getMessage());
                }
            }
            KnowledgeSnapshot built = new KnowledgeSnapshot(generation, new ReasonCodeMap(codes), issues, sections,
                    matchWeights, sla);
            log.info("Knowledge generation {} ready: {} reason codes, {} known issues, {} policy sections in {} ms",
                    generation, codes.size(), issues.size(), sections.size(), (System.nanoTime() - started) / 1_000_000);
            return built;
        }
    }

    private ParsedDocument parse(KnowledgeSpace space, String name, DocumentType type, String text) {
        if (text.isBlank()) {
            throw new KnowledgeValidationException(List.of("the document is empty"));
        }
        if (space == KnowledgeSpace.KNOWN_ISSUES) {
            return ParsedDocument.knownIssues(name, KnownIssueParser.parse(type, text, maxRows));
        }
        if (type == DocumentType.YAML) {
            // SLA policies have calendars and policies; anything else in YAML here is a reason-code map
            return SlaPolicies.declares(text) ? ParsedDocument.slaPolicies(name, SlaPolicies.parse(text))
                    : ParsedDocument.reasonCodes(name, ReasonCodeMap.parse(text));
        }
        List<PolicySection> sections = MarkdownSections.split(name, text);
        if (sections.size() > maxRows) {
            throw new KnowledgeValidationException(ProblemType.TOO_LARGE, List.of("the document has " + sections.size()
                    + " sections; at most " + maxRows + " are allowed"));
        }
        return ParsedDocument.policy(name, sections);
    }

    /** Ids and reason codes must be unique across the active documents of a space. */
    private void checkAgainstOthers(KnowledgeSpace space, ParsedDocument parsed) {
        Map<String, String> issueOwner = new HashMap<>();
        Map<String, String> codeOwner = new HashMap<>();
        String slaOwner = null;
        for (StoredContent other : repository.activeContents()) {
            if (!other.space().equals(space.id()) || other.name().equals(parsed.name())) {
                continue;
            }
            try {
                ParsedDocument existing = parse(space, other.name(),
                        DocumentType.ofMediaType(other.mediaType()).orElseThrow(), other.content());
                existing.knownIssues().forEach(i -> issueOwner.put(i.id(), other.name()));
                existing.reasonCodes().keySet().forEach(c -> codeOwner.put(c, other.name()));
                if (existing.slaPolicies() != null) {
                    slaOwner = other.name();
                }
            } catch (KnowledgeValidationException e) {
                // an invalid active document contributes nothing (see rebuild)
            }
        }
        List<String> reasons = new ArrayList<>();
        if (parsed.slaPolicies() != null && slaOwner != null) {
            reasons.add("the SLA policies are already in " + slaOwner + ": change that document, or deactivate it first");
        }
        for (KnownIssue issue : parsed.knownIssues()) {
            if (issueOwner.containsKey(issue.id())) {
                reasons.add("known issue " + issue.id() + " is already documented in " + issueOwner.get(issue.id()));
            }
        }
        for (String code : parsed.reasonCodes().keySet()) {
            if (codeOwner.containsKey(code)) {
                reasons.add("reason code " + code + " is already mapped in " + codeOwner.get(code));
            }
        }
        if (!reasons.isEmpty()) {
            throw new KnowledgeValidationException(reasons);
        }
    }

    private static KnowledgeSpace space(String spaceId) {
        return KnowledgeSpace.of(spaceId).orElseThrow(() -> new KnowledgeValidationException(ProblemType.NOT_FOUND,
                List.of("no knowledge space '" + spaceId + "'; the spaces are escalation-policies and known-issues")));
    }

    private static String name(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).trim();
        if (!NAME.matcher(name).matches()) {
            throw new KnowledgeValidationException(List.of("file name '" + fileName + "' must be 1 to 100 letters, "
                    + "digits, '.', '_' or '-' and end in a known extension"));
        }
        return name;
    }

    private static DocumentType type(KnowledgeSpace space, String name) {
        Optional<DocumentType> type = DocumentType.ofName(name);
        if (type.isEmpty() || !space.accepts(type.get())) {
            throw new KnowledgeValidationException(ProblemType.UNSUPPORTED_MEDIA_TYPE, List.of("'" + name + "' is not accepted in " + space.id()
                    + "; it takes " + space.accepted().stream().map(DocumentType::mediaType).sorted().toList()
                    + " (by extension: .md, .yaml/.yml, .json, .csv)"));
        }
        return type.get();
    }

    private static String utf8(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new KnowledgeValidationException(List.of("the file is not valid UTF-8"));
        }
    }

    private KnowledgeValidationException tooLarge(String what) {
        return new KnowledgeValidationException(ProblemType.TOO_LARGE, List.of(what + "; at most " + maxBytes + " are allowed ("
                + MAX_UPLOAD_BYTES + ")"));
    }

    private static KnowledgeValidationException notFound(String space, String name, Integer version) {
        return new KnowledgeValidationException(ProblemType.NOT_FOUND, List.of("no document '" + name + "'"
                + (version == null ? " with an active version" : " version " + version) + " in " + space));
    }
}
