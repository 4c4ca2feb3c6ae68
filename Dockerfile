# Chancery in a container: built from source, run from the extracted jar with a CDS archive of the
# classes a start loads (Spring Boot's recommended layout; see README, "Operations").
# Not built on the project's own machines (they have no container engine).
#
#   docker build -t chancery .
#   docker run -p 8080:8080 -v chancery-data:/app/data -e CHANCERY_ADMIN_PASSWORD='…' chancery
#   docker run -p 8080:8080 -e SPRING_PROFILES_ACTIVE=postgres \
#       -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/chancery -e SPRING_DATASOURCE_USERNAME=chancery \
#       -e SPRING_DATASOURCE_PASSWORD='…' -e CHANCERY_ADMIN_PASSWORD='…' chancery
#
# Without CHANCERY_ADMIN_PASSWORD or configured users, each start makes an admin password of its own (logged);
# JVM options (-Xmx…) go in JAVA_TOOL_OPTIONS.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
    && java -Djarmode=tools -jar target/chancery-*.jar extract --destination /app \
    && mv /app/chancery-*.jar /app/chancery.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app chancery
WORKDIR /app
COPY --from=build --chown=chancery /app /app
USER chancery
# the training run: starts the application up to its refreshed context on a scratch database, and
# writes the classes it loaded to the archive; the spool folder it made goes, so that a container run
# as another user (root) makes its own rather than finding one of chancery's
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar chancery.jar \
        --spring.datasource.url=jdbc:h2:mem:training \
    && rm -rf /tmp/chancery-imports \
    && mkdir -p /app/data
VOLUME /app/data
EXPOSE 8080
# a JVM out of memory may have lost a thread the web server needs: it exits, and the container is started again
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:+ExitOnOutOfMemoryError", "-jar", "chancery.jar"]
