package io.layerlab.train.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    @Test
    void plansOneRunPerCombinationAndRepeatWithTheRunsOwnSettings() {
        Project project = SweepProjects.xor(5);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.001, 0.1), List.of(8, 32)).withRepeats(2).withEpochs(3));

        assertThat(plan.runs()).hasSize(8);
        assertThat(plan.combinations()).hasSize(4);
        // Repeat by repeat: every combination once before any is repeated.
        assertThat(plan.keys()).extracting(RunKey::repeat).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(plan.keys()).extracting(RunKey::seed).containsExactly(42L, 42L, 42L, 42L, 43L, 43L, 43L, 43L);
        assertThat(plan.keys()).extracting(RunKey::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        SweepPlan.PlannedRun third = plan.runs().get(2);
        assertThat(third.training().learningRate()).isEqualTo(0.1);
        assertThat(third.training().batchSize()).isEqualTo(8);
        assertThat(third.training().epochs()).isEqualTo(3);
        assertThat(third.training().optimizer()).isEqualTo("adam");
        assertThat(third.key().combination().label()).isEqualTo("lr 0.1 · batch 8");
        assertThat(third.key().label()).isEqualTo("lr 0.1 · batch 8 · run 1");
        assertThat(plan.runs().get(6).key().label()).isEqualTo("lr 0.1 · batch 8 · run 2");
        assertThat(plan.runs().get(6).training().seed()).isEqualTo(43);
    }

    @Test
    void keepsTheProjectsEpochsAndOptimizerUnlessTheSweepChangesThem() {
        Project project = SweepProjects.xor(5);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.01), List.of(16)).withOptimizers(List.of("sgd", "rmsprop")));

        assertThat(plan.runs()).extracting(r -> r.training().optimizer()).containsExactly("sgd", "rmsprop");
        assertThat(plan.runs()).extracting(r -> r.training().epochs()).containsOnly(5);
        assertThat(plan.runs()).extracting(r -> r.key().label()).containsExactly("lr 0.01 · batch 16 · sgd", "lr 0.01 · batch 16 · rmsprop");
    }

    @Test
    void eachActivationVariantTrainsACopyAndTheProjectsGraphStaysAsItWas() {
        Project project = SweepProjects.xor(5);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.01), List.of(16))
                .withActivation(new ActivationChoice("tanh", List.of("relu", "sigmoid"))));

        assertThat(plan.runs()).extracting(r -> r.project().graph().node("tanh").map(n -> n.param("function")).orElseThrow())
                .containsExactly("relu", "sigmoid");
        assertThat(plan.runs()).extracting(r -> r.key().activation()).containsExactly("relu", "sigmoid");
        assertThat(project.graph().node("tanh").map(n -> n.param("function"))).contains("tanh");
        assertThat(plan.runs().get(0).project().graph()).isNotSameAs(plan.runs().get(1).project().graph());
    }

    @Test
    void aLayersOwnActivationParameterCanBeVariedToo() {
        Project project = SweepProjects.xor(5);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.01), List.of(16))
                .withActivation(new ActivationChoice("hidden", List.of("elu"))));

        Node hidden = plan.runs().get(0).project().graph().node("hidden").orElseThrow();
        assertThat(hidden.param("activation")).isEqualTo("elu");
    }

    @Test
    void anActivationChoiceMustNameANodeWithAnActivationAndKnownFunctions() {
        Project project = SweepProjects.xor(5);
        SweepSpec base = SweepSpec.of(List.of(0.01), List.of(16));

        assertThatThrownBy(() -> SweepPlan.of(project, base.withActivation(new ActivationChoice("hiden", List.of("relu")))))
                .hasMessageContaining("no node 'hiden'").hasMessageContaining("hidden, tanh, out");
        assertThatThrownBy(() -> SweepPlan.of(project, base.withActivation(new ActivationChoice("in", List.of("relu")))))
                .hasMessageContaining("'in' (Input) has no activation function");
        assertThatThrownBy(() -> SweepPlan.of(project, base.withActivation(new ActivationChoice("tanh", List.of("relu", "rleu")))))
                .hasMessageContaining("\"rleu\" is not valid").hasMessageContaining("must be one of").hasMessageContaining("sigmoid");
    }
}
