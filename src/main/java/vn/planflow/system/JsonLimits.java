package vn.planflow.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on every JSON body planflow reads: nesting depth, length of one string and of one number
 * (Jackson refuses the rest before building anything), and no control characters in any text
 * field, so that a NUL never reaches PostgreSQL. Validators then check each field's length.
 */
@Configuration
class JsonLimits {

  /** Deeper than any planflow body (a plan is 4 levels deep); 10,000 nested arrays are refused. */
  static final int MAX_NESTING_DEPTH = 32;
  /** The longest column is 100,000 characters; a JSON string of 1,000,000 is refused while read. */
  static final int MAX_STRING_LENGTH = 200_000;
  static final int MAX_NUMBER_LENGTH = 40;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();
    return builder ->
        builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
  }

  /** Spring Boot installs every module bean into the application's object mapper. */
  @Bean
  com.fasterxml.jackson.databind.Module checkedTexts() {
    SimpleModule texts = new SimpleModule("planflow-texts");
    texts.addDeserializer(String.class, new CheckedStringDeserializer());
    return texts;
  }

  /** A text with a control character is a wrong value of its field, named like any other. */
  static final class CheckedStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      String bad = TextRules.badCharacter(value);
      if (bad != null) {
        throw new BadTextException(p, bad, value);
      }
      return value;
    }
  }

  /** Read by {@code ApiExceptionHandler}: its message is already what the user should read. */
  static final class BadTextException extends InvalidFormatException {

    BadTextException(JsonParser p, String message, String value) {
      super(p, message, TextRules.quote(value), String.class);
    }
  }
}
