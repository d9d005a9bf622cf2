package vn.planflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitSymbolsTest {

  @ParameterizedTest
  @CsvSource({
    "Sở Công Thương, DEPARTMENT, SCT",
    "Sở Tài nguyên và Môi trường, DEPARTMENT, STNMT",
    "Sở Nông nghiệp và Phát triển nông thôn, DEPARTMENT, SNNPTNT",
    "Sở Giao thông vận tải, DEPARTMENT, SGTVT",
    "Phòng Văn hóa - Xã hội, DEPARTMENT, PVHXH",
    "Đài Phát thanh và Truyền hình Hà Nội, OTHER, DPTTHHN",
    "Ủy ban nhân dân phường Yên Hòa, PEOPLES_COMMITTEE, UBND"
  })
  void derivesTheSymbolFromTheNameWithoutDiacritics(String name, UnitKind kind, String symbol) {
    assertThat(UnitSymbols.defaultFor(name, kind)).isEqualTo(symbol);
  }
}
