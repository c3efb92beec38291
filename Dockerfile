# The portal on the official Payara Micro image. Build the WAR first:  mvn -B package -DskipTests
#   docker build -t recovery-portal .
#   docker run -p 8080:8080 --env-file portal.env recovery-portal
# Configuration comes from environment variables (see the README's configuration table); none is baked in.
FROM payara/micro:6.2025.10-jdk17

USER root
RUN mkdir -p /opt/payara/data && chown payara:payara /opt/payara/data
USER payara

COPY --chown=payara:payara config/pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin
COPY --chown=payara:payara target/portal.war /opt/payara/deployments/portal.war

# The embedded H2 default keeps its file in a volume; production sets DB_URL to PostgreSQL instead.
ENV DB_URL=jdbc:h2:file:/opt/payara/data/portal
VOLUME /opt/payara/data
# Health and metrics are served on the management port only (README, "Operations"); probes come from outside the
# container, so it listens on every address here. Publish 8080 to users, and 9090 to the cluster only.
ENV PORTAL_MANAGEMENT_ADDRESS=0.0.0.0
EXPOSE 8080 9090

# The image's entrypoint is "java ... -jar payara-micro.jar"; these are Payara Micro's arguments.
CMD ["--deploy", "/opt/payara/deployments/portal.war", "--contextroot", "/", \
     "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
     "--disablephonehome"]
