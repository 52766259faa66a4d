using System;
using System.Collections.Generic;
using AgentGen.Common;

namespace AgentGen.Model
{
    /// <summary>Turns a merged payload shape into records: property names, C# types, nested record names.</summary>
    internal static class RecordNames
    {
        private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
        {
            "RequestType", "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct",
            "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "Clone",
        };

        /// <summary>The type names a payload record and its nested records use.</summary>
        public static void Collect(string typeName, PayloadShape shape, List<string> into)
        {
            foreach (RecordSpec record in Build(typeName, null, shape, jsonAttributes: true))
            {
                into.Add(record.TypeName);
            }
        }

        /// <summary>The payload record (first) and every nested record it needs.</summary>
        public static List<RecordSpec> Build(string typeName, string? requestType, PayloadShape shape, bool jsonAttributes)
        {
            var records = new List<RecordSpec>();
            AddRecord(typeName, requestType, shape, jsonAttributes, records);
            return records;
        }

        private static void AddRecord(string typeName, string? requestType, PayloadShape shape, bool json, List<RecordSpec> records)
        {
            int index = records.Count;
            records.Add(null!); // keeps the outer record first
            var properties = new List<RecordProperty>();
            var used = new HashSet<string>(StringComparer.Ordinal) { typeName };
            int position = 0;
            foreach (PayloadProperty p in shape.Properties)
            {
                position++;
                string name = Naming.ToPascalCase(p.JsonName);
                if (name.Length == 0)
                {
                    name = "Property" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (ReservedMembers.Contains(name) || name == typeName)
                {
                    name += "Value";
                }

                string unique = name;
                for (int i = 2; !used.Add(unique); i++)
                {
                    unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                string type = TypeOf(p.Shape, p.Nullable, typeName + unique, json, records);
                properties.Add(new RecordProperty(p.JsonName, unique, type));
            }

            records[index] = new RecordSpec(typeName, requestType, properties.ToEquatableArray());
        }

        private static string TypeOf(PayloadShape shape, bool nullable, string nestedName, bool json, List<RecordSpec> records)
        {
            string q = nullable ? "?" : string.Empty;
            switch (shape.Kind)
            {
                case ShapeKind.String:
                    return "string" + q;
                case ShapeKind.Integer:
                    return "int" + q;
                case ShapeKind.Long:
                    return "long" + q;
                case ShapeKind.Double:
                    return "double" + q;
                case ShapeKind.Boolean:
                    return "bool" + q;
                case ShapeKind.Array:
                    return "global::System.Collections.Generic.IReadOnlyList<" + TypeOf(shape.Element!, false, nestedName + "Item", json, records) + ">" + q;
                case ShapeKind.Object:
                    AddRecord(nestedName, null, shape, json, records);
                    return nestedName + q;
                default:
                    return json ? "global::System.Text.Json.JsonElement?" : "object?";
            }
        }
    }
}
