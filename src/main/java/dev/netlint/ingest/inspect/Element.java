package dev.netlint.ingest.inspect;

import dev.netlint.model.Attachment;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One array element's fields, until we know which kind of object it is: the part-parsers fill it
 * as its keys come, and the element is built into a network or a container at its end.
 */
final class Element {
    final SourceLocation start;
    final JsonShape.ShapeKeys keys = new JsonShape.ShapeKeys();
    Text name;
    Text podName;
    String id;
    Text driver;
    Text podDriver;
    Text ipamDriver;
    Boolean ipv6;
    SourceLocation ipv6Location;
    Boolean internal;
    SourceLocation configOnlyLocation;
    Boolean attachable;
    Map<String, Text> options;
    String configFrom;
    Text networkInterface;
    final List<IpamPool> pools = new ArrayList<>(2);
    final List<Network.Endpoint> endpoints = new ArrayList<>(0);
    Text networkMode;
    final List<PortMapping> ports = new ArrayList<>(0);
    List<Text> extraHosts = List.of();
    List<Text> dns = List.of();
    final List<Attachment> attachments = new ArrayList<>(0);

    Element(SourceLocation start) {
        this.start = start;
    }
}
