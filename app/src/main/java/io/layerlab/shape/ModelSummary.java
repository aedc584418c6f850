package io.layerlab.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person wants to know before training: per layer (in the order data flows) its output
 * shape, parameters and multiply-adds per example; the totals; and the memory training needs.
 * Built from a {@link ShapeReport}; the command line prints {@link #toTable()}, the designer
 * shows the rows.
 */
public record ModelSummary(List<Row> rows, long totalParams, long totalMultiplyAdds, MemoryEstimate memory) {
    /** Written for a layer whose output shape could not be inferred. */
    public static final String UNKNOWN_SHAPE = "?";

    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /** One layer; {@code output} is null when its shape could not be inferred. */
    public record Row(String id, String type, TensorShape output, long params, long multiplyAdds) {
        /** "28×28×1", "10×8 seq", "64", or "?" when unknown. */
        public String outputLabel() { return output == null ? UNKNOWN_SHAPE : output.label(); }
    }

    /**
     * @param batchSize examples per batch, for the activation memory
     * @param optimizer sgd, momentum, nesterov, rmsprop or adam, for the optimiser state
     */
    public static ModelSummary of(ShapeReport report, int batchSize, String optimizer) {
        List<Row> rows = new ArrayList<>(report.order().size());
        for (String id : report.order()) {
            LayerInfo info = report.infos().get(id);
            rows.add(new Row(info.nodeId(), info.type(), info.output(), info.params(), info.multiplyAdds()));
        }
        return new ModelSummary(rows, report.totalParams(), report.totalMultiplyAdds(),
                MemoryEstimate.of(report, batchSize, optimizer));
    }

    /** Aligned plain-text columns with thousands separators, a totals line and the memory line. */
    public String toTable() {
        String[] header = {"Layer", "Type", "Output", "Parameters", "Multiply-adds"};
        List<String[]> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(new String[] {r.id(), r.type(), r.outputLabel(), Words.number(r.params()), Words.number(r.multiplyAdds())});
        }
        String[] totals = {"Total", "", "", Words.number(totalParams), Words.number(totalMultiplyAdds)};
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = Math.max(header[c].length(), totals[c].length());
            for (String[] l : lines) width[c] = Math.max(width[c], l[c].length());
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) rule[c] = "-".repeat(width[c]);
        appendLine(sb, rule, width);
        for (String[] l : lines) appendLine(sb, l, width);
        appendLine(sb, rule, width);
        appendLine(sb, totals, width);
        sb.append('\n').append("Memory to train with ").append(memory.optimizer()).append(" at batch ").append(memory.batchSize())
                .append(": weights ").append(MemoryEstimate.format(memory.weightBytes()))
                .append(", optimizer state ").append(MemoryEstimate.format(memory.updaterBytes()))
                .append(", activations ").append(MemoryEstimate.format(memory.activationBytes()))
                .append(", total ").append(MemoryEstimate.format(memory.total())).append('\n');
        return sb.toString();
    }

    /** Text columns left-aligned, number columns (the last two) right-aligned. */
    private static void appendLine(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) line.append("  ");
            boolean number = c >= cells.length - 2;
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(number ? pad + cells[c] : cells[c] + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
