package vn.planflow.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.PlanflowIntegrationTest;

/** The outgoing register (Nghị định 30/2020, Art. 15): per issuer, type and year, from 1, no gaps. */
@PlanflowIntegrationTest
class OutgoingRegisterTest {

  @Autowired OutgoingRegister register;
  @Autowired RegisterEntryRepository entries;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private RegisterEntry registerInTransaction(String issuer, DocumentType type, String summary) {
    return transactions.execute(status -> register.register(
        new OutgoingRegister.Document(issuer, type, summary, null, null, null, "test")));
  }

  /**
   * Twenty clerks at once, on 25 registers no one has used yet (a new year each): the first
   * moments of a register, when clerks race to create its counter, are where numbers were given
   * twice (a counter written back to 0 by a clerk who had not seen it created).
   */
  @Test
  void twentyClerksNumberingAtOnceGetOneToTwentyWithoutGapsOrRepeats() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int year = 2031; year < 2056; year++) {
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(year + "-03-02 09:00:00"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegisterEntry>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          int n = i;
          results.add(pool.submit(() -> {
            start.await();
            return registerInTransaction("hn-snv", DocumentType.KH, "Kế hoạch số " + n);
          }));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<RegisterEntry> result : results) {
          numbers.add(result.get().getNumber());
        }

        Collections.sort(numbers);
        assertThat(numbers).as("numbers of %d", year)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(entries.findByIssuerAndTypeAndYearOrderByNumberAsc("hn-snv", DocumentType.KH, year))
            .extracting(RegisterEntry::getSymbol).startsWith("01/KH-SNV", "02/KH-SNV");
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aRolledBackIssueGivesItsNumberBackAndTheNextOneTakesIt() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2032-05-04 10:00:00"));
    RegisterEntry first = registerInTransaction("hn-stc", DocumentType.TTR, "Tờ trình 1");
    transactions.executeWithoutResult(status -> {
      register.register(new OutgoingRegister.Document("hn-stc", DocumentType.TTR, "bỏ", null, null, null, "t"));
      status.setRollbackOnly();
    });
    RegisterEntry second = registerInTransaction("hn-stc", DocumentType.TTR, "Tờ trình 2");

    assertThat(first.getSymbol()).isEqualTo("01/TTr-STC");
    assertThat(second.getSymbol()).isEqualTo("02/TTr-STC");
    assertThat(second.getIssuedOn()).isEqualTo(LocalDate.of(2032, 5, 4));
  }

  @Test
  void numbersRunPerTypeAndStartAgainFromOneEachYear() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2033-12-31 16:00:00"));
    assertThat(registerInTransaction("hn-sngv", DocumentType.KH, "a").getSymbol()).isEqualTo("01/KH-SNGV");
    assertThat(registerInTransaction("hn-sngv", DocumentType.KH, "b").getSymbol()).isEqualTo("02/KH-SNGV");
    assertThat(registerInTransaction("hn-sngv", DocumentType.BC, "c").getSymbol()).isEqualTo("01/BC-SNGV");
    // 1 January in Vietnam, still 31 December in UTC: the Vietnamese date decides the year.
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2033-12-31T17:30:00Z")));
    RegisterEntry newYear = registerInTransaction("hn-sngv", DocumentType.KH, "d");
    assertThat(newYear.getSymbol()).isEqualTo("01/KH-SNGV");
    assertThat(newYear.getIssuedOn()).isEqualTo(LocalDate.of(2034, 1, 1));
  }
}
