package vn.planflow.documents;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.issuance.PlanIssued;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;

/**
 * Keeps the issued plan as a record (Nghị định 30/2020: once issued, a document does not change):
 * its {@code .docx} is rendered in the transaction that numbers it and stored, its PDF/A is
 * rendered once from that stored {@code .docx}; both are served as stored from then on, whatever
 * later happens to the plan's data, the organization's names or the templates. A plan issued
 * before these records existed is kept on its first read.
 */
@Service
class IssuedDocuments {

  private final IssuedDocumentRepository kept;
  private final PlanRepository plans;
  private final PlanDocument planDocument;
  private final PdfRenderer pdfRenderer;
  private final Clock clock;
  private final TransactionTemplate newTransaction;
  @PersistenceContext private EntityManager entityManager;

  IssuedDocuments(IssuedDocumentRepository kept, PlanRepository plans, PlanDocument planDocument,
      PdfRenderer pdfRenderer, Clock clock, PlatformTransactionManager transactionManager) {
    this.kept = kept;
    this.plans = plans;
    this.planDocument = planDocument;
    this.pdfRenderer = pdfRenderer;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** In the clerk's transaction: if numbering fails or rolls back, nothing is kept either. */
  @EventListener
  void onIssued(PlanIssued issued) {
    Plan plan = plans.findById(issued.planCode()).orElseThrow();
    entityManager.persist(record(plan));
  }

  /** The issued {@code .docx} as kept. */
  byte[] docx(Plan plan) {
    return find(plan).getDocx();
  }

  /** The issued PDF/A as kept, rendered from the kept {@code .docx} the first time it is asked for. */
  byte[] pdf(Plan plan) {
    IssuedDocument document = find(plan);
    if (document.getPdf() != null) {
      return document.getPdf();
    }
    byte[] rendered = pdfRenderer.toPdf(document.getDocx());
    Integer updated = newTransaction.execute(status -> kept.keepPdf(plan.getCode(), rendered, sha256(rendered),
        OffsetDateTime.now(clock)));
    if (updated != null && updated == 1) {
      return rendered;
    }
    // Another request kept its rendering a moment before: that one is the record.
    return newTransaction.execute(status -> kept.findById(plan.getCode()).orElseThrow().getPdf());
  }

  private IssuedDocument find(Plan plan) {
    return kept.findById(plan.getCode()).orElseGet(() -> keepLate(plan));
  }

  private IssuedDocument keepLate(Plan plan) {
    try {
      return newTransaction.execute(status -> {
        IssuedDocument document = record(plans.findById(plan.getCode()).orElseThrow());
        entityManager.persist(document);
        entityManager.flush();
        return document;
      });
    } catch (DataIntegrityViolationException | org.hibernate.exception.ConstraintViolationException first) {
      return newTransaction.execute(status -> kept.findById(plan.getCode()).orElseThrow());
    }
  }

  private IssuedDocument record(Plan plan) {
    byte[] docx = planDocument.render(plan);
    return new IssuedDocument(plan.getCode(), plan.getNumber(), docx, sha256(docx), OffsetDateTime.now(clock));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
