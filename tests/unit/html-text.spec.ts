import { htmlToText } from '../../common/html-text';
import { expect, test } from '@playwright/test';

test.describe('htmlToText', () => {
  test('drops styles, scripts and comments, keeps the words', () => {
    const html = '<head><title>T</title><style>p{color:#123456}</style></head><!-- 999999 --><script>x=1</script><p>Hello <b>there</b></p>';
    expect(htmlToText(html)).toBe('Hello there');
  });

  test('decodes named and numeric entities', () => {
    expect(htmlToText('a&nbsp;&amp;&#160;b &lt;c&gt; &#x41;&#66; &quot;q&quot; &unknown;')).toBe('a & b <c> AB "q" &unknown;');
  });

  test("decodes the entities of branded mail: a footer's ©, a preheader's zero-width padding", () => {
    expect(htmlToText('&copy; 2026 Acme&trade; &mdash; Code&zwnj;&nbsp;&zwnj; &ldquo;ready&rdquo;&hellip;')).toBe('© 2026 Acme™ — Code “ready”…');
  });

  test('breaks lines at block ends', () => {
    expect(htmlToText('<p>one</p><p>two</p>two<br>three')).toBe('one\ntwo\ntwo\nthree');
  });
});
