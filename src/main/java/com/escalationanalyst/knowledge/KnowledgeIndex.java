package com.escalationanalyst.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

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
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n|\\n\\s*[-*|]\\s*");

    private final IndexSearcher searcher;
    /** Every indexed term with its statistics, looked up once: queries skip the term dictionary. */
    private final Map<Term, TermStates> terms = new HashMap<>();
    /** Per product area, its known issues' term frequencies and norms, in index order (see {@link #lexicalScores}). */
    private final Map<String, List<IssueDoc>> issueDocsByArea = new HashMap<>();
    /** BM25 scorer of each indexed text term, with the statistics Lucene's TermQuery would use. */
    private final Map<String, SimScorer> termScorers = new HashMap<>();
    private final List<PolicySection> sections;

    KnowledgeIndex(List<KnownIssue> issues, List<PolicySection> sections) {
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
            searcher.setQueryCache(null);
            collectTerms();
            collectIssueDocs();
        } catch (IOException e) {
            throw new UncheckedIOException("Building the knowledge index failed", e);
        }
    }

    private void collectTerms() throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (String field : new String[] {KIND, AREA, TEXT}) {
                Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) {
                    continue;
                }
                TermsEnum iterator = fieldTerms.iterator();
                for (BytesRef bytes = iterator.next(); bytes != null; bytes = iterator.next()) {
                    Term term = new Term(field, BytesRef.deepCopyOf(bytes));
                    if (!terms.containsKey(term)) {
                        terms.put(term, TermStates.build(searcher, term, true));
                    }
                }
            }
        }
    }

    /** One known issue as indexed: its id, text-field norm and term frequencies. */
    private record IssueDoc(String id, long norm, Map<String, Integer> freqs) {
    }

    /**
     * Reads back what scoring a known issue needs: which issue documents belong to which area, and each
     * one's term frequencies and norm; and a BM25 scorer per text term built from the same collection and
     * term statistics that {@link TermQuery} uses, so scores equal those of the equivalent Lucene query.
     */
    private void collectIssueDocs() throws IOException {
        BM25Similarity similarity = (BM25Similarity) searcher.getSimilarity();
        CollectionStatistics textStats = searcher.collectionStatistics(TEXT);
        Map<Integer, Map<String, Integer>> freqsByDoc = new HashMap<>();
        Map<Integer, String> areaByDoc = new HashMap<>();
        Set<Integer> issueDocs = new TreeSet<>();
        for (Map.Entry<Term, TermStates> entry : terms.entrySet()) {
            Term term = entry.getKey();
            if (term.field().equals(TEXT) && textStats != null) {
                TermStates states = entry.getValue();
                termScorers.put(term.text(), similarity.scorer(1f, textStats,
                        searcher.termStatistics(term, states.docFreq(), states.totalTermFreq())));
            }
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.FREQS);
                if (postings == null) {
                    continue;
                }
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    int doc = leaf.docBase + d;
                    switch (term.field()) {
                        case KIND -> {
                            if (term.text().equals("issue")) {
                                issueDocs.add(doc);
                            }
                        }
                        case AREA -> areaByDoc.put(doc, term.text());
                        default -> freqsByDoc.computeIfAbsent(doc, x -> new HashMap<>()).put(term.text(), postings.freq());
                    }
                }
            }
        }
        for (int doc : issueDocs) {
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
            NumericDocValues norms = leaf.reader().getNormValues(TEXT);
            long norm = norms != null && norms.advanceExact(doc - leaf.docBase) ? norms.longValue() : 1L;
            issueDocsByArea.computeIfAbsent(areaByDoc.get(doc), a -> new ArrayList<>()).add(new IssueDoc(
                    stored(doc, ID), norm, Map.copyOf(freqsByDoc.getOrDefault(doc, Map.of()))));
        }
    }

    /** A query for an indexed term, or null when no document has it (the query could not match). */
    private TermQuery termQuery(String field, String value) {
        Term term = new Term(field, value);
        TermStates states = terms.get(term);
        return states == null ? null : new TermQuery(term, states);
    }

    /**
     * The BM25 score of the text against every known issue, whatever its product area (0 where no term is
     * shared), by issue id in upper case: the lexical half of {@link KnownIssueMatcher}.
     */
    Map<String, Double> lexicalScores(String text) {
        Map<String, Double> scores = new HashMap<>();
        List<String> queryTerms = text == null ? List.of() : TextTerms.of(text).stream().limit(MAX_QUERY_TERMS)
                .filter(termScorers::containsKey).toList();
        for (List<IssueDoc> docs : issueDocsByArea.values()) {
            for (IssueDoc doc : docs) {
                double sum = 0;
                for (String term : queryTerms) {
                    Integer freq = doc.freqs().get(term);
                    if (freq != null) {
                        sum += termScorers.get(term).score(freq, doc.norm());
                    }
                }
                scores.put(doc.id(), (double) (float) sum);
            }
        }
        return scores;
    }

    /** The policy section that best supports a statement, with the sentence that shares most words with it. */
    Optional<PolicyReference> findPolicy(String text) {
        TermQuery policies = termQuery(KIND, "policy");
        if (policies == null) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(policies, BooleanClause.Occur.FILTER);
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

    /** The text's terms as SHOULD clauses, at least one to match; false when none is indexed (nothing can match). */
    private boolean addTerms(BooleanQuery.Builder query, String text) {
        List<TermQuery> clauses = TextTerms.of(text).stream().limit(MAX_QUERY_TERMS)
                .map(t -> termQuery(TEXT, t)).filter(Objects::nonNull).toList();
        if (clauses.isEmpty()) {
            return false;
        }
        clauses.forEach(c -> query.add(c, BooleanClause.Occur.SHOULD));
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
        // doc is a top-level document number (the index may have several segments)
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
