package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.report.AddressList.Refused;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

/** {@code escalation.report.recipients} read as an RFC 822 address list, one bad address at a time. */
class AddressListTest {

    @Test
    void aCommaInsideAQuotedDisplayNameACommentOrAngleBracketsDoesNotSeparateAddresses() {
        assertThat(AddressList.split("\"Doe, Jane\" <jane.doe@example.com>, vp@example.com"))
                .containsExactly("\"Doe, Jane\" <jane.doe@example.com>", "vp@example.com");
        assertThat(AddressList.split("jane@example.com (Doe, Jane), <\"a,b\"@example.com>,\"Say \\\"hi, there\\\"\" <hi@example.com>"))
                .containsExactly("jane@example.com (Doe, Jane)", "<\"a,b\"@example.com>",
                        "\"Say \\\"hi, there\\\"\" <hi@example.com>");
        assertThat(AddressList.split(" a@example.com ,, b@example.com , ")).containsExactly("a@example.com", "b@example.com");
        assertThat(AddressList.split("")).isEmpty();
        assertThat(AddressList.split(null)).isEmpty();
    }

    @Test
    void anUnclosedQuoteSpoilsOnlyTheAddressItStartsIn() {
        assertThat(AddressList.split("vp@example.com, \"Doe <jane@example.com>, leads@example.com"))
                .containsExactly("vp@example.com", "\"Doe <jane@example.com>", "leads@example.com");
        assertThat(AddressList.split("(never closed a@example.com, b@example.com"))
                .containsExactly("(never closed a@example.com", "b@example.com");
    }

    @Test
    void eachAddressIsCheckedAloneAndAMalformedOneIsRefusedWithTheReason() {
        AddressList.Parsed parsed = AddressList.parse(
                "\"Doe, Jane\" <jane.doe@example.com>, not an address, vp@example.com, jane.doe@example.com, "
                        + "\"Doe <broken@example.com>, leads, Team: a@example.com;");
        assertThat(parsed.accepted()).containsExactly("\"Doe, Jane\" <jane.doe@example.com>", "vp@example.com");
        assertThat(parsed.refused()).containsExactly(
                new Refused("not an address", "Local address contains control or whitespace"),
                new Refused("\"Doe <broken@example.com>", "Missing '\"'"),
                new Refused("leads", "Missing final '@domain'"),
                new Refused("Team: a@example.com;", "a group, not one address"));
    }

    @Test
    void aDisplayNameIsKeptForSendingAndEncodedAsUtf8() throws Exception {
        InternetAddress jane = AddressList.sendable("\"Doe, Jane\" <jane.doe@example.com>");
        assertThat(jane.getAddress()).isEqualTo("jane.doe@example.com");
        assertThat(jane.getPersonal()).isEqualTo("Doe, Jane");
        assertThat(jane.toString()).isEqualTo("\"Doe, Jane\" <jane.doe@example.com>");
        assertThat(AddressList.sendable("Jörg Müller <j@example.com>").toString())
                .isEqualTo("=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <j@example.com>");
        assertThat(AddressList.mailbox("\"Doe, Jane\" <jane.doe@example.com>")).isEqualTo("jane.doe@example.com");
        assertThat(AddressList.sendable("vp@example.com").getPersonal()).isNull();
    }
}
