import { describe, expect, it } from 'vitest';
import { traceBlocks } from './exception';

describe('traceBlocks', () => {
  it('keeps the application frames and the causes in sight and folds runs of framework frames', () => {
    const trace = [
      'java.lang.IllegalStateException: payment failed',
      '\tat com.shop.Payments.pay(Payments.java:42)',
      '\tat org.springframework.aop.Invoker.invoke(Invoker.java:1)',
      '\tat org.springframework.aop.Invoker.proceed(Invoker.java:2)',
      '\tat java.base/java.lang.Thread.run(Thread.java:3)',
      '\tat com.shop.Main.main(Main.java:7)',
      'Caused by: java.io.IOException: reset',
      '\tat java.net.Socket.read(Socket.java:9)',
      '\t... 4 more',
    ].join('\n');
    expect(traceBlocks(trace)).toEqual([
      { kind: 'lines', lines: ['java.lang.IllegalStateException: payment failed', '\tat com.shop.Payments.pay(Payments.java:42)'] },
      {
        kind: 'framework',
        lines: [
          '\tat org.springframework.aop.Invoker.invoke(Invoker.java:1)',
          '\tat org.springframework.aop.Invoker.proceed(Invoker.java:2)',
          '\tat java.base/java.lang.Thread.run(Thread.java:3)',
        ],
      },
      { kind: 'lines', lines: ['\tat com.shop.Main.main(Main.java:7)'] },
      { kind: 'cause', line: 'Caused by: java.io.IOException: reset' },
      // two framework lines are too few to fold
      { kind: 'lines', lines: ['\tat java.net.Socket.read(Socket.java:9)', '\t... 4 more'] },
    ]);
  });

  it('reads a chained Python traceback, folding library frames with their source lines', () => {
    const trace = [
      'Traceback (most recent call last):',
      '  File "/app/shop.py", line 3, in pay',
      '    gateway.call()',
      '  File "/usr/lib/python3.12/socket.py", line 1, in call',
      '    raise OSError',
      '  File "/usr/lib/python3.12/socket.py", line 2, in recv',
      '    pass',
      '  File "/usr/lib/python3/dist-packages/zmq/x.py", line 2, in recv',
      '    pass',
      'OSError: reset',
      '',
      'The above exception was the direct cause of the following exception:',
      'RuntimeError: payment failed',
    ].join('\n');
    const blocks = traceBlocks(trace);
    expect(blocks.map((b) => b.kind)).toEqual(['lines', 'framework', 'lines', 'cause', 'lines']);
    expect(blocks[1]).toMatchObject({ kind: 'framework', lines: { length: 6 } });
  });

  it('leaves a message without frames as it is', () => {
    expect(traceBlocks('just text\nand more\n')).toEqual([{ kind: 'lines', lines: ['just text', 'and more'] }]);
  });
});
