package dev.zmqlog.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Delivered against offered messages per second, one line per sender, as a PNG. */
final class ThroughputPlot {

	private ThroughputPlot() {
	}

	static void write(List<Measurement> sweep, String title, Path png) throws IOException {
		XYChart chart = new XYChartBuilder().width(900)
			.height(560)
			.title(title)
			.xAxisTitle("offered, messages/s")
			.yAxisTitle("delivered, messages/s")
			.build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		chart.getStyler().setXAxisLogarithmic(true);
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setXAxisDecimalPattern("#,###");
		chart.getStyler().setYAxisDecimalPattern("#,###");
		double lowest = sweep.stream().mapToDouble(Measurement::offeredPerSecond).min().orElse(1);
		double highest = sweep.stream().mapToDouble(Measurement::offeredPerSecond).max().orElse(1);
		XYSeries ideal = chart.addSeries("no loss", new double[] { lowest, highest }, new double[] { lowest, highest });
		ideal.setMarker(SeriesMarkers.NONE);
		for (String sender : List.of("appender", "jeromq")) {
			List<Measurement> steps = sweep.stream().filter((m) -> m.sender().equals(sender)).toList();
			chart.addSeries(sender, steps.stream().mapToDouble(Measurement::offeredPerSecond).toArray(),
					steps.stream().mapToDouble(Measurement::deliveredPerSecond).toArray());
		}
		Files.createDirectories(png.toAbsolutePath().getParent());
		BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

}
