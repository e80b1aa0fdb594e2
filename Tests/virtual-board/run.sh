#!/bin/bash
# Tests/virtual-board/run.sh - runs a Swift-built probe of HardwareLinux (probe.swift) against a real
# Linux kernel: a throw-away QEMU guest whose kernel provides i2c-stub (SMBus-only I2C adapter with
# chips at 0x68/0x69) and gpio-sim (simulated GPIO lines driven from sysfs). The recipe follows the
# project's virtual-board/board.sh: Debian's kernel packages unpacked (nothing installed in /boot),
# gpio-sim built out of tree (Debian's kernel does not ship it), busybox initramfs, QEMU with TCG.
#
#   Tests/virtual-board/run.sh                 deps fetch module probe initramfs run (as root)
#   Tests/virtual-board/run.sh probe initramfs run   after a change to HardwareLinux
#   W=/some/dir Tests/virtual-board/run.sh     working folder (default: $TMPDIR/sensorbox-virtual-board)
#
# Exit status 0 only when the guest printed "PROBE RESULT ALL-PASS".
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
W=${W:-${TMPDIR:-/tmp}/sensorbox-virtual-board}; mkdir -p "$W"; cd "$W"
ACCEL=${ACCEL:-tcg}
T0=$(date +%s.%N); el() { awk -v a="$(date +%s.%N)" -v b="$T0" 'BEGIN{printf "%.2f", a-b}'; }

deps() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    qemu-system-x86 busybox-static cpio kmod gcc libc6-dev make xz-utils libi2c-dev libgpiod-dev >/dev/null
}

fetch() {  # Debian's kernel, its headers and kbuild, and the two sources gpio-sim needs
  local KPKG KVER KV MAJ p
  KPKG=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/{print $2; exit}')
  KVER=${KPKG#linux-image-}
  KV=$(apt-cache show "$KPKG" | awk '/^Version:/{print $2; exit}')
  MAJ=$(echo "$KVER" | cut -d. -f1,2)
  echo "KVER=$KVER KV=$KV MAJ=$MAJ" > kver.env
  mkdir -p debs && (cd debs && apt-get download -q "$KPKG" "linux-headers-$KVER" \
    "linux-headers-${KVER%-amd64}-common" "linux-kbuild-$MAJ=$KV" "linux-source-$MAJ=$KV")
  rm -rf kernel hdr src && mkdir -p kernel hdr src
  dpkg -x debs/"$KPKG"_*.deb kernel
  for p in "linux-headers-$KVER" "linux-headers-${KVER%-amd64}-common" "linux-kbuild-$MAJ"; do
    dpkg -x debs/"${p}"_*.deb hdr; done
  sed -i "s#include /usr/src/#include $W/hdr/usr/src/#" "hdr/usr/src/linux-headers-$KVER/Makefile"
  dpkg-deb --fsys-tarfile debs/linux-source-"$MAJ"_*.deb | tar -xO "./usr/src/linux-source-$MAJ.tar.xz" \
    | xz -dc | tar -x -C src --strip-components=1 "linux-source-$MAJ/drivers/gpio/gpio-sim.c" \
      "linux-source-$MAJ/drivers/gpio/gpiolib.h" "linux-source-$MAJ/kernel/irq/irq_sim.c"
}

module() {  # gpio-sim.ko out of tree; irq_sim.c linked in, irq_to_desc() is not exported
  . ./kver.env
  rm -rf gpio-sim-mod && mkdir gpio-sim-mod
  cp src/drivers/gpio/gpio-sim.c gpio-sim-mod/gpio-sim-main.c
  cp src/drivers/gpio/gpiolib.h src/kernel/irq/irq_sim.c gpio-sim-mod/
  sed -i 's/handle_simple_irq(irq_to_desc(irqnum));/generic_handle_irq(irqnum);/' gpio-sim-mod/irq_sim.c
  printf 'obj-m := gpio-sim.o\ngpio-sim-y := gpio-sim-main.o irq_sim.o\n' > gpio-sim-mod/Kbuild
  make -s -C "hdr/usr/src/linux-headers-$KVER" M="$W/gpio-sim-mod" modules 2>&1 | grep -v 'Skipping BTF' || true
  strip --strip-debug gpio-sim-mod/gpio-sim.ko
}

probe() {  # the probe, linked against the package's debug build of Hardware and HardwareLinux
  local B="$REPO/.build/debug"
  (cd "$REPO" && swift build --target HardwareLinux)
  swiftc -parse-as-library -swift-version 6 "$REPO/Tests/virtual-board/probe.swift" -o "$W/probe" \
    -I "$B/Modules" -Xcc -fmodule-map-file="$B/CSensorboxLinux.build/module.modulemap" \
    -Xcc -I -Xcc "$REPO/Sources/CSensorboxLinux/include" \
    "$B"/Hardware.build/*.swift.o "$B"/HardwareLinux.build/*.swift.o "$B/CSensorboxLinux.build/shim.c.o" \
    -li2c -lgpiod
}

initramfs() {
  . ./kver.env
  local R=$W/rootfs M=kernel/lib/modules/$KVER a f m
  rm -rf "$R"; mkdir -p "$R"/{bin,usr/local/bin,proc,sys,dev,tmp,lib/modules/$KVER/extra}
  cp /bin/busybox "$R/bin/"
  for a in $("$R/bin/busybox" --list); do [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"; done
  cp probe "$R/usr/local/bin/"
  ldd probe | grep -o '/[^ ]*' | sort -u | while read -r f; do cp -L --parents "$f" "$R/"; done
  add_mod() {
    local p d; p=$(find "$M" -name "$1.ko" | head -n1); [ -n "$p" ] || { echo "no module $1"; exit 1; }
    mkdir -p "$R/lib/modules/$KVER/$(dirname "${p#$M/}")"; cp "$p" "$R/lib/modules/$KVER/${p#$M/}"
    for d in $(modinfo -F depends "$p" | tr , ' '); do add_mod "$d"; done
  }
  for m in i2c-dev i2c-stub configfs; do add_mod $m; done
  cp gpio-sim-mod/gpio-sim.ko "$R/lib/modules/$KVER/extra/"
  cp "$M"/modules.builtin* "$M/modules.order" "$R/lib/modules/$KVER/"; depmod -b "$R" "$KVER"
  cat > "$R/init" <<'EOF'
#!/bin/sh
export PATH=/usr/local/bin:/bin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev; mount -t tmpfs tmpfs /tmp
echo "=== GUEST $(uname -r), uptime $(cut -d' ' -f1 /proc/uptime)s"
modprobe i2c-dev && modprobe i2c-stub chip_addr=0x68,0x69
BUS=$(for d in /sys/bus/i2c/devices/i2c-*; do [ "$(cat $d/name)" = "SMBus stub driver" ] && basename $d; done | head -n1)
modprobe gpio-sim; mount -t configfs configfs /sys/kernel/config
C=/sys/kernel/config/gpio-sim/box
mkdir $C $C/bank0 $C/bank0/line3; echo 8 > $C/bank0/num_lines; echo button > $C/bank0/line3/name; echo 1 > $C/live
DEV=$(cat $C/dev_name); CHIP=$(cat $C/bank0/chip_name)
probe /dev/$BUS /dev/$CHIP /sys/devices/platform/$DEV/$CHIP/sim_gpio3/pull
echo "=== GUEST probe exit $? at uptime $(cut -d' ' -f1 /proc/uptime)s"
poweroff -f
EOF
  chmod +x "$R/init"
  (cd "$R" && find . | cpio -o -H newc --quiet) | gzip -1 > initramfs.cpio.gz
  echo "initramfs: $(du -sh "$R" | cut -f1) unpacked, $(stat -c %s initramfs.cpio.gz) bytes gzipped"
}

run() {
  . ./kver.env
  local A=(-accel tcg) log=probe-$ACCEL.log; [ "$ACCEL" = kvm ] && A=(-accel kvm -cpu host)
  timeout 600 qemu-system-x86_64 "${A[@]}" -m 512 -smp 1 -nodefaults -no-user-config -nographic -no-reboot \
    -kernel "kernel/boot/vmlinuz-$KVER" -initrd initramfs.cpio.gz \
    -append "console=ttyS0 panic=-1 quiet" -serial stdio </dev/null | tr -d '\r' | tee "$log"
  echo "total wall: $(el)s ($ACCEL)"
  grep -q '^PROBE RESULT ALL-PASS' "$log"
}

for step in "${@:-deps fetch module probe initramfs run}"; do for s in $step; do
  echo "### $s ($(el)s)"; $s; done; done
