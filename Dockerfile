# Build and run Escalation Analyst. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
COPY knowledge knowledge
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
# curl for docker compose's healthcheck on /actuator/health/readiness
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home escalation
USER escalation
WORKDIR /home/escalation
COPY --from=build /src/target/escalation-analyst-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
