#!/bin/sh
# needs-rules: NL1
# Refusals that netlint reports through its IPAM rules (NL1xx), which read the networks and
# attachments this script builds. Replayed by DaemonDifferentialTest; asserted only when NL1xx
# rules are registered. (Subnet overlap between two networks is left out: the IPAM rule may report
# it on either network, the daemon only refuses the second. Likewise a duplicate --ip must be
# reported on the later container only: line 17 is accepted, line 18 refused.)
docker network create --subnet 10.80.40.0/24 --gateway 10.80.40.1 nlt-sh-p1
docker network create nlt-sh-p2
docker network create --subnet 10.80.42.0/24 --ip-range 10.80.43.0/24 nlt-sh-p4
docker network create --subnet 10.80.44.0/24 --gateway 10.80.45.1 nlt-sh-p5
docker network create --subnet 10.80.46.0/24 --gateway 10.80.46.255 nlt-sh-p6
docker network create --subnet 10.80.47.0/33 nlt-sh-p7
docker network create --subnet 10.80.48.0/24 --aux-address r1=10.80.49.2 nlt-sh-p8
docker run -d --name nlt-sh-pa --net nlt-sh-p2 --ip 10.80.50.5 netlint-busybox:test sleep 300
docker run -d --name nlt-sh-pb --net nlt-sh-p1 --ip 10.80.51.5 netlint-busybox:test sleep 300
docker run -d --name nlt-sh-pc --net nlt-sh-p1 --ip 10.80.40.1 netlint-busybox:test sleep 300
docker run -d --name nlt-sh-pd --net nlt-sh-p1 --ip 10.80.40.10 netlint-busybox:test sleep 300
docker run -d --name nlt-sh-pe --net nlt-sh-p1 --ip 10.80.40.10 netlint-busybox:test sleep 300
docker run -d --name nlt-sh-pg netlint-busybox:test sleep 300
docker network connect --ip 10.80.52.5 nlt-sh-p1 nlt-sh-pg
docker network connect --ip 10.80.53.5 nlt-sh-p2 nlt-sh-pg
docker network connect --ip 10.80.40.20 nlt-sh-p1 nlt-sh-pg
