package dev.mercato.core.risk;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The risk service over {@link Storage}: see {@link RiskService}. */
final class DefaultRiskService implements RiskService {
    private static final int ATTEMPTS = 20;

    static final AggregateType<String, RiskActivity> ACTIVITY = AggregateType
            .of("risk-activity", String.class, RiskActivity.class, Function.identity())
            .withIndex("buyer", RiskActivity::buyerId)
            .withIndex("card", a -> a.card().orElse(""))
            .withIndex("device", a -> a.device().orElse(""));

    static final AggregateType<String, ManualReview> REVIEWS = AggregateType
            .of("risk-review", String.class, ManualReview.class, Function.identity())
            .withIndex("pending", r -> r instanceof ManualReview.Pending ? "pending" : "");

    private final Storage storage;
    private final Clock clock;
    private final List<RiskRule> rules;

    DefaultRiskService(Storage storage, Clock clock, List<RiskRule> rules) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
        this.rules = List.copyOf(InvalidInputException.requireNonNull(rules, "rules"));
    }

    private static String reviewKey(String reference, RiskStage stage) {
        return stage + "/" + reference;
    }

    @Override
    public RiskDecision check(RiskCheck check) {
        InvalidInputException.requireNonNull(check, "check");
        Instant now = clock.instant();
        return storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, ManualReview> reviews = uow.repository(REVIEWS);
            String key = reviewKey(check.reference(), check.stage());
            Optional<Versioned<ManualReview>> held = reviews.find(key);
            if (held.isPresent()) {
                return held.get().value().decision();
            }
            if (check.stage() == RiskStage.AFTER_CHECKOUT || check.stage() == RiskStage.AFTER_PAYMENT) {
                record(uow, check, now);
            }
            RiskHistory history = new StoredHistory(uow.repository(ACTIVITY), check.reference());
            List<RiskDecision> decisions = new ArrayList<>();
            for (RiskRule rule : rules) {
                if (rule.stages().contains(check.stage())) {
                    decisions.add(InvalidInputException.requireNonNull(rule.assess(check, history, now),
                            "decision of rule " + rule.name()));
                }
            }
            RiskDecision decision = RiskDecision.combine(decisions);
            if (decision instanceof RiskDecision.Review review) {
                reviews.insert(key, new ManualReview.Pending(check, review.reasons(), now));
            }
            return decision;
        }, EventPublisher.none());
    }

    private static void record(UnitOfWork uow, RiskCheck check, Instant now) {
        Repository<String, RiskActivity> repo = uow.repository(ACTIVITY);
        Optional<Versioned<RiskActivity>> existing = repo.find(check.reference());
        if (existing.isEmpty()) {
            repo.insert(check.reference(), new RiskActivity(check.reference(), check.buyerId(), check.card(),
                    check.device(), check.amount(), now));
            return;
        }
        RiskActivity a = existing.get().value();
        RiskActivity merged = new RiskActivity(a.reference(), a.buyerId(), a.card().or(check::card),
                a.device().or(check::device), a.amount(), a.at());
        if (!merged.equals(a)) {
            repo.update(check.reference(), merged, existing.get().version());
        }
    }

    /** The committed history, seen from one unit of work, without the purchase being checked. */
    private record StoredHistory(Repository<String, RiskActivity> repo, String excluded) implements RiskHistory {
        @Override
        public List<RiskActivity> ofBuyer(String buyerId, Instant since) {
            return window("buyer", buyerId, since);
        }

        @Override
        public List<RiskActivity> ofCard(String card, Instant since) {
            return window("card", card, since);
        }

        @Override
        public List<RiskActivity> ofDevice(String device, Instant since) {
            return window("device", device, since);
        }

        private List<RiskActivity> window(String index, String entry, Instant since) {
            InvalidInputException.requireNonNull(entry, index);
            InvalidInputException.requireNonNull(since, "since");
            if (entry.isEmpty()) {
                return List.of();
            }
            return repo.findBy(index, entry).stream().map(Versioned::value)
                    .filter(a -> !a.reference().equals(excluded) && a.at().isAfter(since))
                    .sorted(Comparator.comparing(RiskActivity::at)).toList();
        }
    }

    @Override
    public ReviewResult clear(String reference, RiskStage stage, Actor actor, String note) {
        Instant now = clock.instant();
        return decide(reference, stage, p -> p.clear(actor, note, now));
    }

    @Override
    public ReviewResult refuse(String reference, RiskStage stage, Actor actor, String note) {
        Instant now = clock.instant();
        return decide(reference, stage, p -> p.refuse(actor, note, now));
    }

    private ReviewResult decide(String reference, RiskStage stage, Function<ManualReview.Pending, ReviewResult> decision) {
        InvalidInputException.requireNonNull(reference, "reference");
        InvalidInputException.requireNonNull(stage, "stage");
        String key = reviewKey(reference, stage);
        return storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, ManualReview> repo = uow.repository(REVIEWS);
            Versioned<ManualReview> current = repo.find(key).orElseThrow(() -> new UnknownReviewException(reference, stage));
            if (!(current.value() instanceof ManualReview.Pending pending)) {
                return new ReviewResult.Refused(current.value(), ReviewResult.Reason.ALREADY_DECIDED,
                        "the review of " + reference + " at " + stage + " was already decided");
            }
            ReviewResult result = decision.apply(pending);
            if (result instanceof ReviewResult.Accepted accepted) {
                repo.update(key, accepted.review(), current.version());
            }
            return result;
        }, EventPublisher.none());
    }

    @Override
    public Optional<ManualReview> review(String reference, RiskStage stage) {
        InvalidInputException.requireNonNull(reference, "reference");
        InvalidInputException.requireNonNull(stage, "stage");
        return storage.inTransaction(uow -> uow.repository(REVIEWS).find(reviewKey(reference, stage))).map(Versioned::value);
    }

    @Override
    public List<ManualReview.Pending> pendingReviews() {
        return storage.inTransaction(uow -> uow.repository(REVIEWS).findBy("pending", "pending")).stream()
                .map(v -> (ManualReview.Pending) v.value())
                .sorted(Comparator.comparing(ManualReview.Pending::openedAt)).toList();
    }
}
