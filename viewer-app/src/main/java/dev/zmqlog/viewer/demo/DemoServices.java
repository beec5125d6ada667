package dev.zmqlog.viewer.demo;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;

/**
 * Three simulated services that log through the starter, so that {@code --demo} shows a
 * live stream at once: every level, subtopics, MDC, stack traces with causes, and a burst
 * now and then.
 */
public final class DemoServices implements SmartLifecycle {

	/** MDC key whose value becomes the subtopic (see application-demo.yml). */
	static final String SERVICE_KEY = "service";

	private static final long TICK_MILLIS = 200;

	private static final int TICKS_BETWEEN_BURSTS = 100;

	private static final int BURST_SIZE = 2_000;

	private static final List<String> USERS = List.of("ada", "grace", "linus", "barbara", "ken");

	private static final Logger gateway = LoggerFactory.getLogger("com.example.gateway.RequestLog");

	private static final Logger orders = LoggerFactory.getLogger("com.example.orders.OrderService");

	private static final Logger stock = LoggerFactory.getLogger("com.example.orders.StockRepository");

	private static final Logger payments = LoggerFactory.getLogger("com.example.payments.CardPayments");

	private volatile Thread thread;

	private long tick;

	@Override
	public void start() {
		Thread demo = new Thread(this::run, "demo-services");
		demo.setDaemon(true);
		this.thread = demo;
		demo.start();
	}

	@Override
	public void stop() {
		Thread demo = this.thread;
		this.thread = null;
		if (demo != null) {
			demo.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		try {
			while (this.thread == Thread.currentThread()) {
				step();
				TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			MDC.clear();
		}
	}

	private void step() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String user = USERS.get(random.nextInt(USERS.size()));
		int order = 1000 + random.nextInt(9000);
		MDC.put("user", user);
		MDC.put("requestId", Long.toHexString(random.nextLong() & 0xffffffL));
		service("gateway.http");
		gateway.info("GET /api/orders/{} 200 in {} ms", order, 3 + random.nextInt(40));
		service("orders");
		orders.debug("Reserving stock for order {}", order);
		service("orders.db");
		stock.trace("SELECT quantity FROM stock WHERE sku = 'SKU-{}'", order % 97);
		service("orders");
		orders.info("Order {} placed by {}", order, user);
		// the first tick shows every kind of line, the payment failure's stack trace included
		int roll = (this.tick == 0) ? 0 : random.nextInt(100);
		if (roll < 12) {
			service("payments");
			payments.warn("Card authorisation slow for order {}, retrying", order);
		}
		if (roll < 4) {
			service("payments");
			payments.error("Payment for order {} failed", order, new IllegalStateException(
					"card processor refused the charge", new SQLException("connection reset by peer", "08S01")));
		}
		if (roll == 50) {
			service("gateway.http");
			gateway.error("Upstream timeout: \u001b[31mpayments\u001b[0m did not answer within 2s");
		}
		if (++this.tick % TICKS_BETWEEN_BURSTS == 0) {
			burst();
		}
	}

	private void burst() {
		service("orders.db.pool");
		for (int i = 1; i <= BURST_SIZE; i++) {
			stock.debug("Replaying stock event {} of {}", i, BURST_SIZE);
		}
		stock.info("Stock replay finished: {} events", BURST_SIZE);
	}

	private static void service(String subtopic) {
		MDC.put(SERVICE_KEY, subtopic);
	}

}
