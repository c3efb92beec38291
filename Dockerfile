# The portal on the official Payara Micro image. Build the WAR first:  mvn -B package -DskipTests
#   docker build -t recovery-portal .
#   docker run -p 8080:8080 --env-file portal.env recovery-portal
# with portal.env holding the configuration (README, "Configuration"), the database among it, for example
#   DB_URL=jdbc:postgresql://db.internal:5432/portal
#   DB_PASSWORD=...                       (from your secret store)
# PostgreSQL is the production store; nothing but the database's address and password is baked in here. A cluster
# (Kubernetes, Compose) runs this image with other Payara Micro options: see deploy/ and the README's
# "Running a cluster". The tag must match the pom's payara.version (DockerfileIT checks it).
FROM payara/micro:6.2025.10-jdk17

COPY --chown=payara:payara config/pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin
COPY --chown=payara:payara target/portal.war /opt/payara/deployments/portal.war

ENV DB_URL=jdbc:postgresql://postgres:5432/portal
ENV DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
ENV DB_USER=portal
# Health and metrics are served on the management port only (README, "Operations"); probes come from outside the
# container, so it listens on every address here. Publish 8080 to users, and 9090 to the cluster only.
ENV PORTAL_MANAGEMENT_ADDRESS=0.0.0.0
EXPOSE 8080 9090

# The image's entrypoint is "java ... -jar payara-micro.jar"; these are Payara Micro's arguments. The Data Grid
# (Hazelcast) listens on loopback and looks for no other member: a single node, never multicast. A cluster replaces
# --clustermode and --interfaces (deploy/kubernetes.yaml, deploy/compose.yaml).
CMD ["--deploy", "/opt/payara/deployments/portal.war", "--contextroot", "/", \
     "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", \
     "--clustermode", "tcpip:127.0.0.1:6900", "--interfaces", "127.0.0.1", \
     "--disablephonehome"]
