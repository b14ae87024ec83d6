package org.deepfact.knime.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings added in a later release load their default from settings saved before it. */
class SettingsGroupTest {

    @Test
    void aSettingAddedLaterLoadsItsDefaultWhenAbsentAndItsValueWhenPresent() throws Exception {
        final SettingsGroup old = new SettingsGroup();
        old.add("a", new SettingsModelInteger("a", 1)).setIntValue(5);
        final NodeSettings saved = new NodeSettings("old");
        old.saveTo(saved);

        final SettingsGroup now = new SettingsGroup();
        final SettingsModelInteger a = now.add("a", new SettingsModelInteger("a", 1));
        final SettingsModelString b = now.addSince("0.2.0", "b", new SettingsModelString("b", "fail"));
        b.setStringValue("report"); // a live value that an old workflow must reset to the default
        now.validate(saved);
        now.loadFrom(saved);
        assertEquals(5, a.getIntValue());
        assertEquals("fail", b.getStringValue());

        final NodeSettings current = new NodeSettings("now");
        b.setStringValue("report");
        now.saveTo(current);
        b.setStringValue("fail");
        now.loadFrom(current);
        assertEquals("report", b.getStringValue(), "a present key loads its value");
    }

    @Test
    void aSettingOfTheFirstReleaseIsStillRequired() {
        final SettingsGroup g = new SettingsGroup();
        g.add("a", new SettingsModelInteger("a", 1));
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> g.validate(new NodeSettings("empty")));
        assertTrue(e.getMessage().startsWith("Setting 'a'"), e.getMessage());
    }
}
