package io.layerlab.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows of numbers from a CSV file, one example per line: comma-separated decimal numbers
 * ({@code 1}, {@code -0.5}, {@code 2.5e-3}), optionally quoted, with an optional header line naming
 * the columns. Blank lines are skipped. Every row must have exactly the number of values the model
 * takes.
 *
 * @param header the column names from the header line, empty without one
 * @param values one array per row
 * @param lines  the 1-based line in the file of each row
 */
public record CsvRows(List<String> header, double[][] values, int[] lines) {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public CsvRows {
        header = List.copyOf(header);
    }

    public int size() { return values.length; }

    /**
     * @param hasHeader the first non-blank line names the columns
     * @param width     values per row the model takes
     * @throws RowsFileException naming the file, line and column of the first problem
     */
    public static CsvRows read(Path file, boolean hasHeader, int width) throws RowsFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> header = List.of();
        boolean headerPending = hasHeader;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                List<String> cells = cells(line);
                if (headerPending) {
                    headerPending = false;
                    if (cells.size() != width) {
                        throw new RowsFileException(name + " line " + number + " (the header): names " + cells.size()
                                + " column" + (cells.size() == 1 ? "" : "s") + ", the model takes " + width);
                    }
                    header = cells;
                    continue;
                }
                if (cells.size() != width) {
                    throw new RowsFileException(name + " line " + number + ": has " + cells.size() + " value"
                            + (cells.size() == 1 ? "" : "s") + ", the model takes " + width);
                }
                rows.add(parse(name, number, cells, !hasHeader && rows.isEmpty()));
                lines.add(number);
            }
        } catch (NoSuchFileException e) {
            throw new RowsFileException(name + " does not exist", false, e);
        } catch (AccessDeniedException e) {
            throw new RowsFileException(name + " cannot be read: permission denied", false, e);
        } catch (CharacterCodingException e) {
            throw new RowsFileException(name + " is not a UTF-8 text file; rows are comma-separated numbers, one example per line", false, e);
        } catch (IOException e) {
            throw new RowsFileException(name + " cannot be read: " + e.getMessage(), false, e);
        }
        if (rows.isEmpty()) throw new RowsFileException(name + " has no rows to predict; write one example per line, values separated by commas");
        return new CsvRows(header, rows.toArray(double[][]::new), lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double[] parse(String file, int line, List<String> cells, boolean firstRow) throws RowsFileException {
        double[] row = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String place = file + " line " + line + ", column " + (c + 1) + ": ";
            if (cell.isEmpty()) throw new RowsFileException(place + "is empty; every column needs a number");
            if (!NUMBER.matcher(cell).matches()) {
                boolean word = firstRow && cells.stream().noneMatch(v -> NUMBER.matcher(v).matches());
                throw new RowsFileException(place + "\"" + cell + "\" is not a number (write numbers such as 3, -0.25 or 1.5e-3)", word, null);
            }
            row[c] = Double.parseDouble(cell);
            if (!Double.isFinite(row[c])) throw new RowsFileException(place + cell + " is too large for a number");
        }
        return row;
    }

    /** Comma-separated cells, trimmed, with surrounding double quotes removed. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
