#!/bin/sh
# Starts a wecom-sync service in its image: the jar as the image extracted it, and, when WECOM_CDS_DIR names
# a writable folder, a class data archive for faster starts (Spring Boot's CDS support). The archive is
# trained against the real database and Nacos, so in the container, not in `docker build`: the first start
# of an image runs the service once as a training run (its application context refreshed, nothing served,
# no worker started; about one start's time), then starts it from the archive. Later starts of the same
# image map the archive. A failed training only costs the speed-up. Arguments go to the service.
set -eu

app="${WECOM_APP_HOME:-/app}"
jar="$app/app.jar"

if [ -z "${WECOM_CDS_DIR:-}" ]; then
  exec java -jar "$jar" "$@"
fi

# an archive belongs to one build of the jar (and one JVM): each image has its own
archive="$WECOM_CDS_DIR/$(cat "$app/build-id").jsa"
if [ ! -s "$archive" ]; then
  echo "start-service: training a class data archive for this image first (later starts map it)"
  # a name of this container's own: replicas sharing a volume may train at once, and a half-written
  # archive must never take the final name (the JVM maps it and crashes)
  training="$archive.$(uname -n).$$.training"
  trained=false
  if mkdir -p "$WECOM_CDS_DIR"; then
    java -XX:ArchiveClassesAtExit="$training" -Dwecom.class-data.training=true -jar "$jar" "$@" &
    trainer=$!
    # docker stop during the training: end it, leave no half-written file, stop (as PID 1, sh would
    # otherwise ignore the SIGTERM and the training would run on until Docker kills everything)
    trap 'kill -TERM "$trainer" 2>/dev/null; wait "$trainer" || true; rm -f "$training"; exit 143' TERM INT
    wait "$trainer" && trained=true || true
    trap - TERM INT
  fi
  if [ "$trained" = true ] && [ -s "$training" ]; then
    mv -f "$training" "$archive"
  else
    rm -f "$training"
    echo "start-service: no class data archive (the training run failed, see above); starting without one"
  fi
fi

if [ -s "$archive" ]; then
  exec java -XX:SharedArchiveFile="$archive" -jar "$jar" "$@"
fi
exec java -jar "$jar" "$@"
