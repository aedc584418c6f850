package io.layerlab.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte, so tests can build the bad ones no zip library would write:
 * sizes that lie, names that escape, entries the directory does not list. Small on disk: a
 * 40 GB declaration costs nothing, and deflated zeros shrink a thousandfold.
 */
final class ZipForge {
    private static final long ZIP64 = 0xFFFFFFFFL;

    /** One entry: what its headers say, and the bytes it really holds. */
    record Entry(String name, String directoryName, byte[] data, boolean deflate, long declaredSize) {
        static Entry of(String name, byte[] data) {
            return new Entry(name, name, data, true, data.length);
        }

        /** The entry claims {@code size} bytes once inflated, whatever it really holds. */
        Entry declaring(long size) { return new Entry(name, directoryName, data, deflate, size); }

        /** The archive's directory lists the entry under another name than its own header. */
        Entry listedAs(String otherName) { return new Entry(name, otherName, data, deflate, declaredSize); }
    }

    private final List<Entry> entries = new ArrayList<>();

    ZipForge add(Entry e) {
        entries.add(e);
        return this;
    }

    ZipForge add(String name, byte[] data) { return add(Entry.of(name, data)); }

    ZipForge add(String name, String text) { return add(name, text.getBytes(StandardCharsets.UTF_8)); }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] stored = e.deflate() ? deflate(e.data()) : e.data();
            CRC32 crc = new CRC32();
            crc.update(e.data());
            boolean zip64 = e.declaredSize() >= ZIP64 || stored.length >= ZIP64;
            byte[] extra = zip64 ? zip64Extra(e.declaredSize(), stored.length) : new byte[0];
            long offset = out.size();
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer local = le(30);
            local.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0x0800)
                    .putShort((short) (e.deflate() ? 8 : 0)).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue())
                    .putInt((int) (zip64 ? ZIP64 : stored.length)).putInt((int) (zip64 ? ZIP64 : e.declaredSize()))
                    .putShort((short) name.length).putShort((short) extra.length);
            out.writeBytes(local.array());
            out.writeBytes(name);
            out.writeBytes(extra);
            out.writeBytes(stored);

            byte[] listed = e.directoryName().getBytes(StandardCharsets.UTF_8);
            ByteBuffer central = le(46);
            central.putInt(0x02014b50).putShort((short) 45).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0x0800)
                    .putShort((short) (e.deflate() ? 8 : 0)).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue())
                    .putInt((int) (zip64 ? ZIP64 : stored.length)).putInt((int) (zip64 ? ZIP64 : e.declaredSize()))
                    .putShort((short) listed.length).putShort((short) extra.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
            directory.writeBytes(central.array());
            directory.writeBytes(listed);
            directory.writeBytes(extra);
        }
        long directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size())
                .putInt(directory.size()).putInt((int) directoryOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static byte[] zip64Extra(long size, long compressedSize) {
        ByteBuffer extra = le(20);
        extra.putShort((short) 0x0001).putShort((short) 16).putLong(size).putLong(compressedSize);
        return extra.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }
}
