package org.dorsal.governance;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Loads Dorsal's own jars before its parent: the engine and the knowledge base (classes and
 * resources: the model index, {@code kmodule.xml}, the content manifest) come from the given jars,
 * while Drools, Jackson and SLF4J are shared with the host. A resource the jars hold hides the
 * parent's copies entirely, so a knowledge base never finds the host's content beside its own.
 */
final class IsolatedLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    IsolatedLoader(String name, URL[] jars, ClassLoader parent) {
        super(name, jars, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !name.startsWith("java.")) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notOurs) {
                    // Drools, Jackson, the JDK: the host's.
                }
            }
            if (c == null) {
                c = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> own = findResources(name);
        if (own.hasMoreElements()) {
            return own;
        }
        return getParent() == null ? Collections.emptyEnumeration() : getParent().getResources(name);
    }
}
