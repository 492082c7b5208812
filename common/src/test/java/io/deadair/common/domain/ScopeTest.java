package io.deadair.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void starMeansEverything() {
    Scope all = Scope.parse(" * ", true);
    assertThat(all.isAll()).isTrue();
    assertThat(all.contains("ZZ")).as("all contains anything").isTrue();
    assertThat(all.format()).isEqualTo("*");
  }

  @Test
  void listsAreTrimmedCaseFoldedAndSorted() {
    Scope s = Scope.parse("fr; de ;NL;", true);
    assertThat(s.values()).containsExactlyInAnyOrder("DE", "FR", "NL");
    assertThat(s.contains("DE")).isTrue();
    assertThat(s.contains("US")).isFalse();
    assertThat(s.format()).isEqualTo("DE;FR;NL");
    assertThat(Scope.parse("Android", false).values()).containsExactly("android");
  }

  @Test
  void emptyOrMixedStarIsRefused() {
    assertThatThrownBy(() -> Scope.parse(" ", true)).hasMessageContaining("not empty");
    assertThatThrownBy(() -> Scope.parse("DE;*", true)).hasMessageContaining("stand alone");
  }
}
