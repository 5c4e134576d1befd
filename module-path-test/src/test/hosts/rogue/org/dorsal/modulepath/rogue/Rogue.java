package org.dorsal.modulepath.rogue;

import org.dorsal.Thresholds;
import org.dorsal.internal.Text;
import org.dorsal.kb.Params;

final class Rogue {
    static String tryIt() {
        return Text.echo(Params.of(Thresholds.defaults()).toString());
    }
}
