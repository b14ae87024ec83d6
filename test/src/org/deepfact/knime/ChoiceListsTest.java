package org.deepfact.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.deepfact.engine.Choice;
import org.deepfact.engine.data.GroundTruthSpec;
import org.deepfact.engine.data.SamplingScheme;
import org.deepfact.engine.experiment.Problem;
import org.deepfact.engine.model.Factorization;
import org.deepfact.engine.model.InitCondition;
import org.deepfact.engine.model.InitKind;
import org.deepfact.engine.optim.OptimizerKind;
import org.deepfact.knime.generator.LowRankMatrixGeneratorNodeFactory;
import org.deepfact.knime.learner.DeepFactorizationLearnerNodeFactory;
import org.deepfact.knime.port.SensingKind;
import org.deepfact.knime.sensing.MatrixSensingNodeFactory;
import org.deepfact.knime.sweep.RecoverySweepNodeFactory;
import org.deepfact.knime.mask.ObservationMaskBuilderNodeFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A choice's ids come from its engine enum: the node descriptions list exactly those ids as the
 * bold words of the option (any order: the default comes first), so a new optimizer in the engine
 * fails here until its documentation is written.
 */
class ChoiceListsTest {

    @Test
    void learnerDocumentsTheEngineInitialisationsAndOptimizers() throws Exception {
        assertDocuments(DeepFactorizationLearnerNodeFactory.class, "init", InitKind.class);
        assertDocuments(DeepFactorizationLearnerNodeFactory.class, "optimizer", OptimizerKind.class);
        assertDocuments(DeepFactorizationLearnerNodeFactory.class, "init_condition", InitCondition.class);
        assertDocuments(DeepFactorizationLearnerNodeFactory.class, "factorization", Factorization.class);
    }

    @Test
    void sensingDocumentsItsOperatorKinds() throws Exception {
        assertDocuments(MatrixSensingNodeFactory.class, "operator", SensingKind.class);
    }

    @Test
    void sweepDocumentsTheEngineProblemsInitialisationsAndOptimizers() throws Exception {
        assertDocuments(RecoverySweepNodeFactory.class, "problem", Problem.class);
        assertDocuments(RecoverySweepNodeFactory.class, "init", InitKind.class);
        assertDocuments(RecoverySweepNodeFactory.class, "optimizer", OptimizerKind.class);
    }

    @Test
    void generatorAndMaskDocumentTheEngineStructuresAndSchemes() throws Exception {
        assertDocuments(LowRankMatrixGeneratorNodeFactory.class, "structure", GroundTruthSpec.Structure.class);
        assertDocuments(ObservationMaskBuilderNodeFactory.class, "scheme", SamplingScheme.class);
    }

    private static <E extends Enum<E> & Choice> void assertDocuments(final Class<?> factory, final String key,
        final Class<E> choice) throws Exception {
        assertEquals(new TreeSet<>(List.of(Choice.ids(choice))), new TreeSet<>(boldWords(factory, key)),
            factory.getSimpleName() + ".xml, option (key: " + key + ") vs " + choice.getSimpleName());
    }

    /** @return the distinct bold words of the option documenting {@code key}, in order */
    private static List<String> boldWords(final Class<?> factory, final String key) throws Exception {
        final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        final Document d;
        try (InputStream in = factory.getResourceAsStream(factory.getSimpleName() + ".xml")) {
            assertNotNull(in, factory.getSimpleName() + ".xml");
            d = f.newDocumentBuilder().parse(in);
        }
        final NodeList options = d.getElementsByTagName("option");
        final List<Element> matching = new ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            final Element o = (Element)options.item(i);
            if (o.getAttribute("name").endsWith("(key: " + key + ")")) {
                matching.add(o);
            }
        }
        assertEquals(1, matching.size(), "options documenting key " + key);
        final NodeList bold = matching.get(0).getElementsByTagName("b");
        final List<String> words = new ArrayList<>();
        for (int i = 0; i < bold.getLength(); i++) {
            final String w = bold.item(i).getTextContent().trim();
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
