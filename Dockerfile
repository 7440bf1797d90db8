# gan4j image: `docker run IMAGE train --config configs/dcgan-fashion-mnist.yaml`.
# CPU by default. For NVIDIA GPUs (CUDA 11.6, Kepler to Ampere/Ada; no Hopper with DL4J 1.0.0-M2.1):
#   docker build --build-arg VARIANT=cuda -t gan4j:cuda .
ARG VARIANT=cpu

FROM maven:3.9-eclipse-temurin-17 AS build
ARG VARIANT
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY src src
RUN if [ "$VARIANT" = cuda ]; then profile=-Pcuda; else profile=; fi \
 && mvn -B -q $profile -DskipTests package

FROM eclipse-temurin:17-jre AS runtime-cpu

FROM nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04 AS runtime-cuda
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*

FROM runtime-${VARIANT}
# Java2D draws sample grids and plots and needs a font; scripts/gan preloads jemalloc.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core libjemalloc2 \
 && rm -rf /var/lib/apt/lists/*
# No Java deserialization in any JVM of the image, even one started with another entrypoint; scripts/gan
# sets the same filter as a system property.
RUN java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")") \
 && printf '\njdk.serialFilter=!*\n' >> "$java_home/conf/security/java.security"
WORKDIR /gan4j
COPY --from=build /src/target/gan4j.jar target/gan4j.jar
COPY --from=build /src/target/lib target/lib
COPY scripts scripts
COPY configs configs
COPY data/README.md data/README.md
ENTRYPOINT ["/gan4j/scripts/gan"]
CMD ["--help"]
