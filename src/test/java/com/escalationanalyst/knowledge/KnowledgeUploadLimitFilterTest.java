package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class KnowledgeUploadLimitFilterTest {

    /** A request that declares {@code length} bytes and fails the test if anything reads its body. */
    private static HttpServletRequestWrapper declaring(String method, String path, long length) {
        return new HttpServletRequestWrapper(new MockHttpServletRequest(method, path)) {
            @Override
            public long getContentLengthLong() {
                return length;
            }

            @Override
            public ServletInputStream getInputStream() {
                throw new AssertionError("the body was read");
            }
        };
    }

    @Test
    void aDeclaredFiveGigabyteUploadIs413WithoutReadingItsBody() throws Exception {
        KnowledgeUploadLimitFilter filter = new KnowledgeUploadLimitFilter(1_048_576);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        filter.doFilter(declaring("POST", "/api/knowledge/known-issues", 5_368_709_120L), response,
                (request, r) -> passed.set(true));
        assertThat(passed).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        String message = "the upload has 5368709120 bytes; a knowledge document may have at most 1048576 "
                + "(escalation.knowledge.max-upload-bytes)";
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"/problems/too-large\",\"title\":\"The upload is "
                + "too large\",\"status\":413,\"detail\":\"" + message + "\",\"instance\":\"/api/knowledge/known-issues\","
                + "\"errors\":[{\"line\":null,\"column\":null,\"message\":\"" + message + "\"}]}");
    }

    @Test
    void theLimitHoldsForThePageAsWellAndLeavesRoomForTheMultipartFrame() throws Exception {
        KnowledgeUploadLimitFilter filter = new KnowledgeUploadLimitFilter(1_048_576);
        // 1 MiB + 64 KiB of multipart framing is let through (the controller checks the file itself), one more byte is not
        for (String path : new String[] {"/api/knowledge/known-issues", "/knowledge/escalation-policies"}) {
            MockHttpServletResponse atLimit = new MockHttpServletResponse();
            AtomicBoolean passed = new AtomicBoolean();
            filter.doFilter(declaring("POST", path, 1_048_576 + 65_536), atLimit, (request, r) -> passed.set(true));
            assertThat(passed).as(path).isTrue();

            MockHttpServletResponse over = new MockHttpServletResponse();
            filter.doFilter(declaring("POST", path, 1_048_576 + 65_537), over, (request, r) -> {
                throw new AssertionError("passed on");
            });
            assertThat(over.getStatus()).as(path).isEqualTo(413);
        }
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        KnowledgeUploadLimitFilter filter = new KnowledgeUploadLimitFilter(1_048_576);
        for (String[] request : new String[][] {{"POST", "/api/import/tickets"}, {"GET", "/api/knowledge/known-issues"},
                {"POST", "/api/knowledge/known-issues/a.yaml/activate"}}) {
            AtomicBoolean passed = new AtomicBoolean();
            filter.doFilter(declaring(request[0], request[1], 4_000_000_000L), new MockHttpServletResponse(),
                    (r, response) -> passed.set(true));
            assertThat(passed).as(String.join(" ", request)).isTrue();
        }
    }
}
