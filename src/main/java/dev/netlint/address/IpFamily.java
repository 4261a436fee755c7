package dev.netlint.address;

public enum IpFamily {
    IPV4(32), IPV6(128);

    private final int bits;

    IpFamily(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
