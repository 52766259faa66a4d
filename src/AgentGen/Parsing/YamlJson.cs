using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace AgentGen.Parsing
{
    /// <summary>
    /// A YAML value as JSON text, so the runtime can read a map field (<c>hooks</c>) with System.Text.Json. Plain
    /// scalars are typed by the YAML 1.2 core schema (null, booleans, numbers); quoted and block scalars are strings;
    /// keys are strings; an alias (never expanded) is null. The tree is already bounded in depth and size.
    /// </summary>
    internal static class YamlJson
    {
        public static string ToJson(YNode node)
        {
            var sb = new StringBuilder();
            Write(sb, node);
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, YNode node)
        {
            switch (node.Kind)
            {
                case YKind.Mapping:
                    sb.Append('{');
                    for (int i = 0; i < node.Entries.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        YNode key = node.Entries[i].Key;
                        String(sb, key.Kind == YKind.Scalar ? key.Value : string.Empty);
                        sb.Append(':');
                        Write(sb, node.Entries[i].Value);
                    }

                    sb.Append('}');
                    break;
                case YKind.Sequence:
                    sb.Append('[');
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        Write(sb, node.Items[i]);
                    }

                    sb.Append(']');
                    break;
                case YKind.Scalar:
                    Scalar(sb, node);
                    break;
                default:
                    sb.Append("null");
                    break;
            }
        }

        private static void Scalar(StringBuilder sb, YNode node)
        {
            if (node.Style != ScalarStyle.Plain)
            {
                String(sb, node.Value);
                return;
            }

            string v = node.Value;
            if (node.IsNull)
            {
                sb.Append("null");
            }
            else if (v == "true" || v == "True" || v == "TRUE")
            {
                sb.Append("true");
            }
            else if (v == "false" || v == "False" || v == "FALSE")
            {
                sb.Append("false");
            }
            else if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
            }
            else if (IsFloat(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsInfinity(d) && !double.IsNaN(d))
            {
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                String(sb, v);
            }
        }

        // The core schema's float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        private static bool IsFloat(string v)
        {
            int i = 0;
            if (i < v.Length && (v[i] == '-' || v[i] == '+'))
            {
                i++;
            }

            int digits = 0;
            while (i < v.Length && char.IsDigit(v[i]))
            {
                i++;
                digits++;
            }

            if (i < v.Length && v[i] == '.')
            {
                i++;
                while (i < v.Length && char.IsDigit(v[i]))
                {
                    i++;
                    digits++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < v.Length && (v[i] == 'e' || v[i] == 'E'))
            {
                i++;
                if (i < v.Length && (v[i] == '-' || v[i] == '+'))
                {
                    i++;
                }

                int exp = 0;
                while (i < v.Length && char.IsDigit(v[i]))
                {
                    i++;
                    exp++;
                }

                if (exp == 0)
                {
                    return false;
                }
            }

            return i == v.Length;
        }

        private static void String(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029')
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }
    }
}
