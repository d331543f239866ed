#!/usr/bin/env bash
# Makes the ffmpeg and ffprobe of the Maven artifact org.bytedeco:ffmpeg (linux-x86_64-gpl,
# with libx264) runnable: unpacks them with their libraries and writes two wrapper scripts.
# Usage: provision-ffmpeg.sh FFMPEG_JAR TARGET_DIR   (result: TARGET_DIR/bin/ffmpeg, bin/ffprobe)
set -euo pipefail

jar=$1
target=$2
marker=$target/.provisioned
fingerprint=$(stat -c %s "$jar")-$(sha256sum "$0" | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$fingerprint" ]; then
  echo "ffmpeg at $target is provisioned and up to date."
  exit 0
fi

rm -rf "$target"
mkdir -p "$target/lib" "$target/bin"
unzip -q -j "$jar" 'org/bytedeco/ffmpeg/linux-x86_64-*/*' -d "$target/lib"
rm -f "$target"/lib/libjni*.so
chmod +x "$target/lib/ffmpeg" "$target/lib/ffprobe"

# libavdevice links against PulseAudio's client library for audio capture, which Kinema never
# uses. Where the system has no libpulse, a library with that name and no code stands in.
if ! ldconfig -p | grep -q 'libpulse\.so\.0 '; then
  stub=$(mktemp -d)
  echo 'PULSE_0 { local: *; };' > "$stub/pulse.map"
  echo 'int kinema_no_pulseaudio;' > "$stub/pulse.c"
  cc -shared -fPIC -Wl,-soname,libpulse.so.0 -Wl,--version-script="$stub/pulse.map" \
     -o "$target/lib/libpulse.so.0" "$stub/pulse.c"
  rm -rf "$stub"
fi

for tool in ffmpeg ffprobe; do
  cat > "$target/bin/$tool" <<WRAPPER
#!/bin/sh
lib=\$(dirname "\$(readlink -f "\$0")")/../lib
LD_LIBRARY_PATH="\$lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "\$lib/$tool" "\$@"
WRAPPER
  chmod +x "$target/bin/$tool"
done

"$target/bin/ffmpeg" -hide_banner -version > "$target/version.txt"
head -n 1 "$target/version.txt"
encoders=$("$target/bin/ffmpeg" -hide_banner -encoders 2>/dev/null)
grep -q libx264 <<<"$encoders" || { echo "ffmpeg lacks libx264" >&2; exit 1; }
echo "$fingerprint" > "$marker"
