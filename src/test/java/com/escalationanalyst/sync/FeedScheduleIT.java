package com.escalationanalyst.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without a base URL (the embedded default) both syncs' timers are suspended and a manual start is refused. */
@IntegrationTest
class FeedScheduleIT {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    @Test
    void unconfiguredFeedsDoNotRun() {
        for (String key : new String[] {ProcessIds.SYNC_HELPDESK, ProcessIds.SYNC_CRM}) {
            Job timer = managementService.createJobQuery().processDefinitionKey(key).timers().singleResult();
            assertThat(timer.isSuspended()).as(key).isTrue();
        }
        var helpdesk = new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]);
        assertThat(helpdesk.statusCode()).isEqualTo(409);
        assertThat(Api.json(helpdesk).get("detail").asText()).contains("escalation.sync.helpdesk.base-url");
        assertThat(new Api(port).post("/api/sync/crm", "application/json", new byte[0]).statusCode()).isEqualTo(409);
    }
}
