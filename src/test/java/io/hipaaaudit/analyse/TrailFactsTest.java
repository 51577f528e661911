package io.hipaaaudit.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import io.hipaaaudit.inventory.aws.Trail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrailFactsTest {
    static final Instant COLLECTED = Instant.parse("2026-11-24T12:00:00Z");

    private static Trail trail(Optional<Instant> delivered, Optional<Instant> started,
                               List<Trail.AdvancedEventSelector> advanced) {
        return new Trail("111122223333", "us-east-1", "audit", "arn:aws:cloudtrail:us-east-1:111122223333:trail/audit",
                Optional.of("us-east-1"), Optional.of(true), Optional.of(false), Optional.of(true),
                Optional.of("arn:aws:kms:us-east-1:111122223333:key/k"), "bucket", Optional.of(true), delivered,
                Optional.empty(), started, Optional.empty(), Optional.of(advanced), Map.of());
    }

    private static Trail.FieldSelector equalsTo(String field, String... values) {
        return new Trail.FieldSelector(field, List.of(values), null, null, null, null, null);
    }

    private static Trail.AdvancedEventSelector management(Trail.FieldSelector... more) {
        List<Trail.FieldSelector> fields = new java.util.ArrayList<>(List.of(equalsTo("eventCategory", "Management")));
        fields.addAll(List.of(more));
        return new Trail.AdvancedEventSelector("m", fields);
    }

    @Test
    void aRestartAfterTheLastDeliveryMeasuresTheAgeFromTheRestart() {
        Trail t = trail(Optional.of(Instant.parse("2026-11-20T12:00:00Z")),
                Optional.of(Instant.parse("2026-11-24T11:00:00Z")), List.of(management()));
        assertThat(TrailFacts.deliveryAgeHours(t, Optional.of(COLLECTED))).contains(1.0);
    }

    @Test
    void withoutACollectionTimeTheAgeIsUnknown() {
        Trail t = trail(Optional.of(COLLECTED), Optional.empty(), List.of(management()));
        assertThat(TrailFacts.deliveryAgeHours(t, Optional.empty())).isEmpty();
    }

    @Test
    void aManagementSelectorNarrowedByEventNameCoversNeitherSideAndIsNamed() {
        Trail t = trail(Optional.of(COLLECTED), Optional.empty(), List.of(management(
                new Trail.FieldSelector("eventName", null, null, List.of("Delete"), null, null, null))));
        TrailFacts.Coverage c = TrailFacts.coverage(t).orElseThrow();
        assertThat(c.read()).isFalse();
        assertThat(c.write()).isFalse();
        assertThat(c.narrowedBy()).containsExactly("eventName StartsWith [Delete]");
        assertThat(TrailFacts.shortfalls(t, Optional.of(c)))
                .contains("management selectors narrowed by eventName StartsWith [Delete]");
    }

    @Test
    void aNarrowedSelectorBesideAFullOneDoesNotCountAgainstTheTrail() {
        Trail t = trail(Optional.of(COLLECTED), Optional.empty(), List.of(management(equalsTo("eventName", "X")),
                management()));
        TrailFacts.Coverage c = TrailFacts.coverage(t).orElseThrow();
        assertThat(c.read() && c.write()).isTrue();
        assertThat(TrailFacts.shortfalls(t, Optional.of(c))).isEmpty();
    }

    @Test
    void readOnlyTrueAndFalseInOneSelectorRecordBothSides() {
        Trail t = trail(Optional.of(COLLECTED), Optional.empty(),
                List.of(management(equalsTo("readOnly", "true", "false"))));
        TrailFacts.Coverage c = TrailFacts.coverage(t).orElseThrow();
        assertThat(c.read() && c.write()).isTrue();
    }
}
