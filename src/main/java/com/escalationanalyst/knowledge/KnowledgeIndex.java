package com.escalationanalyst.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index (English analyzer with stemming, BM25) over the active known issues
 * (title and symptoms, per product area) and the sections of the active policy documents. Built
 * once per knowledge snapshot and never changed afterwards, so searches need no locking.
 */
final class KnowledgeIndex {

    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String AREA = "area";
    private static final String TEXT = "text";
    private static final String POSITION = "position";
    private static final int MAX_QUERY_TERMS = 512;
    private static final Pattern ISSUE_ID = Pattern.compile("\\b([A-Za-z][A-Za-z0-9]*-\\d+)\\b");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n|\\n\\s*[-*|]\\s*");

    private final IndexSearcher searcher;
    private final Map<String, KnownIssue> issuesById;
    private final List<PolicySection> sections;

    KnowledgeIndex(List<KnownIssue> issues, List<PolicySection> sections) {
        this.issuesById = issues.stream().collect(Collectors.toMap(i -> i.id().toUpperCase(Locale.ROOT),
                Function.identity(), (a, b) -> a));
        this.sections = List.copyOf(sections);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(TextTerms.analyzer()))) {
            for (KnownIssue issue : issues) {
                Document doc = new Document();
                doc.add(new StringField(KIND, "issue", Field.Store.NO));
                doc.add(new StringField(ID, issue.id().toUpperCase(Locale.ROOT), Field.Store.YES));
                doc.add(new StringField(AREA, area(issue.productArea()), Field.Store.NO));
                doc.add(new TextField(TEXT, TextTerms.normalize(issue.title() + "\n" + nullToEmpty(issue.symptoms())),
                        Field.Store.NO));
                writer.addDocument(doc);
            }
            for (int i = 0; i < sections.size(); i++) {
                PolicySection section = sections.get(i);
                Document doc = new Document();
                doc.add(new StringField(KIND, "policy", Field.Store.NO));
                doc.add(new StoredField(POSITION, i));
                doc.add(new TextField(TEXT, TextTerms.normalize(section.heading() + "\n" + section.body()), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
        } catch (IOException e) {
            throw new UncheckedIOException("Building the knowledge index failed", e);
        }
    }

    /**
     * The known issue of this product area that the text describes: an issue id written in the text
     * always matches (whatever the area); otherwise the best BM25 hit scoring at least {@code threshold}.
     */
    Optional<KnownIssueMatch> findKnownIssue(String text, String productArea, double threshold) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher ids = ISSUE_ID.matcher(text);
        while (ids.find()) {
            KnownIssue named = issuesById.get(ids.group(1).toUpperCase(Locale.ROOT));
            if (named != null) {
                return Optional.of(new KnownIssueMatch(named, Double.POSITIVE_INFINITY, true));
            }
        }
        if (productArea == null) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, "issue")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(AREA, area(productArea))), BooleanClause.Occur.FILTER);
        if (!addTerms(query, text)) {
            return Optional.empty();
        }
        ScoreDoc best = top(query.build());
        if (best == null || best.score < threshold) {
            return Optional.empty();
        }
        KnownIssue issue = issuesById.get(stored(best.doc, ID));
        return Optional.of(new KnownIssueMatch(issue, best.score, false));
    }

    /** The policy section that best supports a statement, with the sentence that shares most words with it. */
    Optional<PolicyReference> findPolicy(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, "policy")), BooleanClause.Occur.FILTER);
        if (text == null || !addTerms(query, text)) {
            return Optional.empty();
        }
        ScoreDoc best = top(query.build());
        if (best == null) {
            return Optional.empty();
        }
        PolicySection section = sections.get(Integer.parseInt(stored(best.doc, POSITION)));
        return Optional.of(new PolicyReference(section.document(), section.heading(), quote(section.body(), text),
                best.score));
    }

    private String quote(String body, String text) {
        Set<String> wanted = TextTerms.of(text);
        String best = null;
        long bestOverlap = -1;
        for (String sentence : SENTENCE.split(body)) {
            String trimmed = sentence.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            long overlap = TextTerms.of(trimmed).stream().filter(wanted::contains).count();
            if (overlap > bestOverlap) {
                best = trimmed;
                bestOverlap = overlap;
            }
        }
        String quote = best == null ? body.strip() : best;
        return quote.length() <= 240 ? quote : quote.substring(0, 237).strip() + "...";
    }

    private boolean addTerms(BooleanQuery.Builder query, String text) {
        Set<String> terms = TextTerms.of(text);
        if (terms.isEmpty()) {
            return false;
        }
        terms.stream().limit(MAX_QUERY_TERMS)
                .forEach(t -> query.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        query.setMinimumNumberShouldMatch(1);
        return true;
    }

    private ScoreDoc top(BooleanQuery query) {
        try {
            TopDocs hits = searcher.search(query, 1);
            return hits.scoreDocs.length == 0 ? null : hits.scoreDocs[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stored(int doc, String field) {
        try {
            return searcher.storedFields().document(doc).get(field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String area(String productArea) {
        return productArea.trim().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
