package io.wecomsync.wx.directory;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.wx.app.WxCpProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A field mapping that names nothing stops the start; the same mistake at run time is refused. */
class DirectorySettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, DirectorySettings.class)
            .withPropertyValues("wx.cp.application[0].corpId=ww1", "wx.cp.application[0].appConfigs[0].agentId=1");

    @Test
    void aMappingOfACorpNobodyServesStopsTheStartNamingIt() {
        context.withPropertyValues("wx.directory.corps.ww2.employee-number=工号").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("wx.directory.corps.ww2 names no corp of wx.cp.application").hasMessageContaining("ww1");
        });
    }

    @Test
    void anEmptyAttributeNameAFieldNameTheMdmCannotHoldOrAContradictoryScopeStopsTheStart() {
        context.withPropertyValues("wx.directory.corps.ww1.employee-number= ").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasRootCauseInstanceOf(BindValidationException.class);
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("employeeNumber");
        });
        context.withPropertyValues("wx.directory.corps.ww1.fields.Cost_Centre=成本中心").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("fields");
        });
        context.withPropertyValues("wx.directory.corps.ww1.scope.include=2,9", "wx.directory.corps.ww1.scope.exclude=9").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("departments [9] are both included and excluded");
        });
    }

    @Test
    void aMappingChangedAtRunTimeAppliesAndABadChangeIsRefused() {
        context.withPropertyValues("wx.directory.corps.ww1.employee-number=工号").run(started -> {
            DirectorySettings settings = started.getBean(DirectorySettings.class);
            List<CustomAttribute> attributes = List.of(CustomAttribute.text("工号", "E-1"), CustomAttribute.text("员工编号", "N-1"));
            assertThat(settings.corp("ww1").employeeNumberIn(attributes)).isEqualTo("E-1");

            change(started, settings, "wx.directory.corps.ww1.employee-number=员工编号");
            assertThat(settings.corp("ww1").employeeNumberIn(attributes)).isEqualTo("N-1");

            change(started, settings, "wx.directory.corps.ww9.employee-number=工号");
            assertThat(settings.current().corps()).as("a corp nobody serves: refused, the mapping in force stays")
                    .containsOnlyKeys("ww1");
            assertThat(settings.corp("ww1").employeeNumberIn(attributes)).isEqualTo("N-1");
        });
    }

    private static void change(ConfigurableApplicationContext context, DirectorySettings settings,
                               String property) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, property);
        settings.onApplicationEvent(new EnvironmentChangeEvent(context, Set.of(property.substring(0, property.indexOf('=')))));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DirectoryProperties.class, WxCpProperties.class})
    static class Properties {
    }
}
