package org.chancery.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Buffers up to {@value #SIZE} bytes of each answer instead of Tomcat's 8 KB, so that a page of a list
 * (10–30 KB of JSON) leaves in one write with its {@code Content-Length} rather than in chunks, one
 * socket write per 8 KB and one more to end the chunks. Longer answers are still streamed (a CSV
 * export, from its file), and an explicit flush still sends what is buffered at once. Tomcat
 * keeps a response's buffer from one request to the next, so the larger size is allocated once per
 * processor, not per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ResponseBuffer extends OncePerRequestFilter {

    static final int SIZE = 32 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.getBufferSize() < SIZE) {
            response.setBufferSize(SIZE);
        }
        chain.doFilter(request, response);
    }
}
