package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chancery.shared.web.TextArguments.TextIdentity;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class TextArgumentsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Autowired
    @Qualifier("mvcConversionService")
    private ConversionService springConversions;

    @Test
    @DisplayName("every String parameter of every handler gets from Spring's conversion service the text itself")
    void springsConversionOfTextToTextIsTheIdentityForEveryHandlerParameter() {
        assertThat(((ConfigurableWebBindingInitializer) adapter.getWebBindingInitializer()).getConversionService())
                .isInstanceOf(TextIdentity.class);
        TextIdentity identity = new TextIdentity(springConversions);
        TypeDescriptor text = TypeDescriptor.valueOf(String.class);
        int parameters = 0;
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() == String.class) {
                    TypeDescriptor target = new TypeDescriptor(parameter);
                    String value = "Côte d'Ivoire, 1970-01-01 ";
                    assertThat(springConversions.convert(value, text, target)).as("%s", parameter).isSameAs(value);
                    assertThat(identity.canConvert(text, target)).isTrue();
                    assertThat(identity.convert(value, text, target)).isSameAs(value);
                    parameters++;
                }
            }
        }
        assertThat(parameters).as("String parameters of handlers").isGreaterThan(20);
    }

    @Test
    @DisplayName("the texts of a parameter given more than once make the same list Spring makes, for every List<String> parameter")
    void textsForAListOfTextAreTheListSpringMakes() {
        TextIdentity identity = new TextIdentity(springConversions);
        TypeDescriptor texts = TypeDescriptor.valueOf(String[].class);
        TypeDescriptor text = TypeDescriptor.valueOf(String.class);
        int parameters = 0;
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                TypeDescriptor target = new TypeDescriptor(parameter);
                if (parameter.getParameterType() == List.class && target.getElementTypeDescriptor() != null
                        && target.getElementTypeDescriptor().getType() == String.class) {
                    String[] given = {"US", " fr", "US", "a,b"};
                    Object spring = springConversions.convert(given, texts, target);
                    assertThat(identity.canConvert(texts, target)).isTrue();
                    assertThat(identity.convert(given, texts, target)).as("%s", parameter)
                            .isEqualTo(spring).isInstanceOf(ArrayList.class).isNotSameAs(identity.convert(given, texts, target));
                    assertThat(identity.convert("US,FR", text, target)).as("one text is still Spring's: split at commas")
                            .isEqualTo(List.of("US", "FR"));
                    parameters++;
                }
            }
        }
        assertThat(parameters).as("List<String> parameters of handlers").isGreaterThanOrEqualTo(2);
        TypeDescriptor numbers = TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(Integer.class));
        assertThat(identity.convert(new String[] {"1", "2"}, texts, numbers)).as("other elements are Spring's")
                .isEqualTo(List.of(1, 2));
    }

    @Test
    @DisplayName("other conversions are Spring's: dates parsed, bad ones refused with a clear answer")
    void leavesOtherConversionsToSpring() throws Exception {
        TextIdentity identity = new TextIdentity(springConversions);
        assertThat(identity.convert("1970-01-01", LocalDate.class)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(identity.convert("42", Integer.class)).isEqualTo(42);
        assertThat(identity.canConvert(String.class, LocalDate.class)).isTrue();
        getJson("/api/relations?country=US&asOf=1970-13-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").exists());
        getJson("/api/countries/{code}", "fr").andExpect(status().isOk()).andExpect(jsonPath("$.code").value("FR"));
    }
}
