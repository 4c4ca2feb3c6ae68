package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;

import org.chancery.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;

class PagingParametersTests {

    @SuppressWarnings("unused")
    void list(Pageable pageable) {
    }

    @SuppressWarnings("unused")
    void qualifiedList(@Qualifier("other") Pageable pageable) {
    }

    private final PagingParameters.PageableResolver remembering =
            new PagingParameters.PageableResolver(new PagingParameters.SortResolver());
    private final PageableHandlerMethodArgumentResolver springData = new PageableHandlerMethodArgumentResolver();

    @Test
    void readsTheSamePageAsSpringDataForAPlainParameterOnEveryRequest() throws Exception {
        MethodParameter plain = plain();
        NativeWebRequest request = request("page", "3", "size", "7", "sort", "name,desc");

        Pageable first = remembering.resolveArgument(plain, null, request, null);
        Pageable second = remembering.resolveArgument(plain, null, request("page", "1"), null);

        assertThat(first).isEqualTo(springData.resolveArgument(plain, null, request, null));
        assertThat(first.getPageNumber()).isEqualTo(3);
        assertThat(first.getPageSize()).isEqualTo(7);
        assertThat(first.getSort()).isEqualTo(Sort.by(Sort.Order.desc("name")));
        assertThat(second.getPageNumber()).isEqualTo(1);
        assertThat(second.getSort().isUnsorted()).isTrue();
    }

    @Test
    void keepsTheQualifierPrefixPerParameter() throws Exception {
        NativeWebRequest request = request("page", "2", "other_page", "5", "other_sort", "date");

        Pageable plain = remembering.resolveArgument(plain(), null, request, null);
        Pageable qualified = remembering.resolveArgument(qualified(), null, request, null);

        assertThat(plain.getPageNumber()).isEqualTo(2);
        assertThat(plain.getSort().isUnsorted()).isTrue();
        assertThat(qualified.getPageNumber()).isEqualTo(5);
        assertThat(qualified.getSort()).isEqualTo(Sort.by("date"));
        assertThat(qualified).isEqualTo(springData.resolveArgument(qualified(), null, request, null));
    }

    @Test
    void refusesASortThatNamesNoFieldRatherThanDroppingIt() throws Exception {
        for (String value : new String[] {"asc", "DESC", ",asc", " ,desc"}) {
            assertThatThrownBy(() -> remembering.resolveArgument(plain(), null, request("sort", value), null))
                    .as(value).isInstanceOf(InvalidInputException.class).hasMessageContaining("names no field");
        }
        assertThat(remembering.resolveArgument(plain(), null, request("sort", ""), null).getSort().isUnsorted())
                .as("an empty sort is not given").isTrue();
    }

    @Test
    void dropsTheSpacesAFormAddsAroundAFieldOrADirection() throws Exception {
        for (String value : new String[] {"name ", " name", "name\u00a0"}) {
            assertThat(remembering.resolveArgument(plain(), null, request("sort", value), null).getSort())
                    .as(value).isEqualTo(Sort.by("name"));
        }
        for (String value : new String[] {"name,desc ", "name, desc", " name , desc "}) {
            assertThat(remembering.resolveArgument(plain(), null, request("sort", value), null).getSort())
                    .as(value).isEqualTo(Sort.by(Sort.Order.desc("name")));
        }
    }

    private static MethodParameter plain() throws NoSuchMethodException {
        return new MethodParameter(PagingParametersTests.class.getDeclaredMethod("list", Pageable.class), 0);
    }

    private static MethodParameter qualified() throws NoSuchMethodException {
        Method list = PagingParametersTests.class.getDeclaredMethod("qualifiedList", Pageable.class);
        return new MethodParameter(list, 0);
    }

    private static NativeWebRequest request(String... namesAndValues) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.addParameter(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ServletWebRequest(request);
    }
}
