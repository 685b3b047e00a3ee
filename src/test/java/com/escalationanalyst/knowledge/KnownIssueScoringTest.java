package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The lexical half of known-issue matching computes BM25 from precomputed statistics; here the best score in
 * each area is checked against the plain Lucene query it stands for ("kind:issue AND area:X AND at least one
 * of the text's terms"), run on a second index built the simple way, for the labelled fixture and thousands
 * of word mixes.
 */
class KnownIssueScoringTest {

    record Best(String id, float score) {
    }

    @Test
    void scoresEqualThoseOfTheLuceneQuery() throws Exception {
        List<KnownIssue> issues = SeedKnowledge.knownIssues();
        List<PolicySection> sections = SeedKnowledge.policySections();
        KnowledgeIndex index = new KnowledgeIndex(issues, sections);
        IndexSearcher reference = referenceIndex(issues, sections);

        List<String> texts = new ArrayList<>();
        KnownIssueMatchingFixtureTest.fixture().forEach(note -> texts.add(note.text()));
        // word mixes from the issues' own wording, so that most score against several issues at once
        List<String> words = new ArrayList<>();
        for (KnownIssue issue : issues) {
            words.addAll(List.of((issue.title() + " " + issue.symptoms()).split("\\s+")));
        }
        Random random = new Random(26112026);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 3 + random.nextInt(25); w > 0; w--) {
                text.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            texts.add(text.toString());
        }
        // a text naming an issue id is decided by the id (KnownIssueMatcherTest); here only scoring is compared
        texts.removeIf(t -> t.matches("(?s).*\\b[A-Za-z][A-Za-z0-9]*-\\d+\\b.*"));
        Set<String> areas = new LinkedHashSet<>();
        issues.forEach(i -> areas.add(i.productArea()));
        areas.add("No Such Area");

        int compared = 0;
        int matched = 0;
        for (String text : texts) {
            for (String area : areas) {
                Best fast = bestInArea(index.lexicalScores(text), issues, area);
                Best expected = referenceBest(reference, text, area);
                if (expected == null) {
                    assertThat(fast).as(text + " in " + area).isNull();
                } else {
                    matched++;
                    assertThat(fast).as(text + " in " + area).isEqualTo(expected);
                }
                compared++;
            }
        }
        assertThat(matched).as("pairs with a hit, of " + compared).isGreaterThan(compared / 10);
    }

    /** The best positive score among the area's issues, ties to the issue listed first (Lucene's doc order). */
    private static Best bestInArea(Map<String, Double> scores, List<KnownIssue> issues, String area) {
        Best best = null;
        for (KnownIssue issue : issues) {
            if (!issue.productArea().trim().equalsIgnoreCase(area.trim())) {
                continue;
            }
            float score = scores.get(issue.id().toUpperCase(Locale.ROOT)).floatValue();
            if (score > 0 && (best == null || score > best.score())) {
                best = new Best(issue.id().toUpperCase(Locale.ROOT), score);
            }
        }
        return best;
    }

    private static IndexSearcher referenceIndex(List<KnownIssue> issues, List<PolicySection> sections) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(TextTerms.analyzer()))) {
            for (KnownIssue issue : issues) {
                Document doc = new Document();
                doc.add(new StringField("kind", "issue", Field.Store.NO));
                doc.add(new StringField("id", issue.id().toUpperCase(Locale.ROOT), Field.Store.YES));
                doc.add(new StringField("area", issue.productArea().trim().toLowerCase(Locale.ROOT), Field.Store.NO));
                String symptoms = issue.symptoms() == null ? "" : issue.symptoms();
                doc.add(new TextField("text", TextTerms.normalize(issue.title() + "\n" + symptoms), Field.Store.NO));
                writer.addDocument(doc);
            }
            for (int i = 0; i < sections.size(); i++) {
                Document doc = new Document();
                doc.add(new StringField("kind", "policy", Field.Store.NO));
                doc.add(new StoredField("position", i));
                doc.add(new TextField("text", TextTerms.normalize(sections.get(i).heading() + "\n" + sections.get(i).body()),
                        Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
        searcher.setSimilarity(new BM25Similarity());
        return searcher;
    }

    private static Best referenceBest(IndexSearcher searcher, String text, String area) throws Exception {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("kind", "issue")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("area", area.trim().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        Set<String> terms = TextTerms.of(text);
        if (terms.isEmpty()) {
            return null;
        }
        terms.forEach(t -> query.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
        query.setMinimumNumberShouldMatch(1);
        TopDocs top = searcher.search(query.build(), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        return new Best(searcher.storedFields().document(top.scoreDocs[0].doc).get("id"), top.scoreDocs[0].score);
    }
}
