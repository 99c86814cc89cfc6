package dev.perfgate.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * A test class's {@link App}: its one {@code static AppUnderTest} field and what it declares, with
 * {@code -Dperfgate.reference} applied. Read and checked once per class and kept in the class's JUnit store,
 * so that every load test of the class, and side by side, sees the same declaration and the same errors.
 *
 * <pre>{@code
 * DeclaredApp declared = DeclaredApp.of(context);
 * AppUnderTest app = declared.app();   // what RunningApp starts
 * }</pre>
 *
 * @param field the {@code @App} field
 * @param app   the application it declares, usable (checked)
 */
record DeclaredApp(Field field, AppUnderTest app) {

    /** The declaration of {@code context}'s test class, read on first use. */
    static DeclaredApp of(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return classContext(context).getStore(LoadTestExtension.NAMESPACE)
                .getOrComputeIfAbsent(List.of(DeclaredApp.class, testClass), key -> read(testClass), DeclaredApp.class);
    }

    /** The context of the test class, whose store lives as long as the class's tests. */
    static ExtensionContext classContext(ExtensionContext context) {
        return context.getParent().orElse(context);
    }

    private static DeclaredApp read(Class<?> testClass) {
        Field field = fieldOf(testClass);
        String where = "@App field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
        AppUnderTest declared;
        try {
            field.setAccessible(true);
            declared = (AppUnderTest) field.get(null);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("@App field " + field + " cannot be read: " + e.getMessage(), e);
        }
        if (declared == null) {
            throw new ExtensionConfigurationException(where + " is null; assign AppUnderTest.fromDockerfile(...), fromJar(...),"
                    + " fromImage(...) or fromContainer(...)");
        }
        AppUnderTest app = ReferenceProperty.applyTo(declared, where);
        app.requireUsable(where);
        return new DeclaredApp(field, app);
    }

    private static Field fieldOf(Class<?> testClass) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, App.class, field -> true, HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getName() + " has @LoadTest methods but no application: declare"
                    + " '@App static AppUnderTest app = AppUnderTest.fromDockerfile(\"Dockerfile\");'");
        }
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " has " + fields.size()
                    + " @App fields; a load test drives one application, keep one");
        }
        Field field = fields.get(0);
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != AppUnderTest.class) {
            throw new ExtensionConfigurationException("@App field " + testClass.getSimpleName() + "." + field.getName()
                    + " must be 'static AppUnderTest'");
        }
        return field;
    }
}
