#!/bin/sh
# needs-rules: NL1
# Engine 25+ refuses these at network create; the 20.10 daemon here accepts them and masks the
# host bits. netlint reports them as errors on purpose (with the IPAM rules in place), so
# DaemonDifferentialTest exempts exactly the lines marked "engine25:" from agreement.
docker network create --subnet 10.80.30.1/24 nlt-sh-e1 # engine25: host bits
docker network create --subnet 10.80.31.0/24 --ip-range 10.80.31.5/30 nlt-sh-e2 # engine25: host bits
docker run -d --name nlt-sh-e3 --net nlt-sh-e1 netlint-busybox:test sleep 300
docker run -d --name nlt-sh-e4 --net nlt-sh-e2 netlint-busybox:test sleep 300
