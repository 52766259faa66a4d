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

        /// <summary>The payload record (first) and every nested record it needs. Every record name is distinct.</summary>
        public static List<RecordSpec> Build(string typeName, string? requestType, PayloadShape shape, bool jsonAttributes)
        {
            var records = new List<RecordSpec>();
            var typeNames = new HashSet<string>(StringComparer.Ordinal) { typeName };
            AddRecord(typeName, requestType, shape, jsonAttributes, records, typeNames);
            return records;
        }

        private static void AddRecord(string typeName, string? requestType, PayloadShape shape, bool json, List<RecordSpec> records, HashSet<string> typeNames)
        {
            int index = records.Count;
            records.Add(null!); // keeps the outer record first
            var properties = new List<RecordProperty>();
            var used = new HashSet<string>(StringComparer.Ordinal) { typeName };
            int position = 0;
            foreach (PayloadProperty p in shape.Properties)
            {
                position++;
                string name = Naming.Clip(Naming.ToPascalCase(p.JsonName), Naming.MaxIdentifierLength - 10);
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

                string type = TypeOf(p.Shape, p.Nullable, typeName + unique, json, records, typeNames);
                properties.Add(new RecordProperty(p.JsonName, unique, type));
            }

            records[index] = new RecordSpec(typeName, requestType, properties.ToEquatableArray());
        }

        /// <summary>A nested record's name: short enough, and distinct from every other record of the payload (a.b and a_b both want "AB").</summary>
        private static string NestedName(string wanted, HashSet<string> typeNames)
        {
            string name = Naming.Clip(wanted);
            string unique = name;
            for (int i = 2; !typeNames.Add(unique); i++)
            {
                unique = Naming.Clip(name, Naming.MaxIdentifierLength - 6) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return unique;
        }

        private static string TypeOf(PayloadShape shape, bool nullable, string nestedName, bool json, List<RecordSpec> records, HashSet<string> typeNames)
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
                    return "global::System.Collections.Generic.IReadOnlyList<" + TypeOf(shape.Element!, false, nestedName + "Item", json, records, typeNames) + ">" + q;
                case ShapeKind.Object:
                {
                    string name = NestedName(nestedName, typeNames);
                    AddRecord(name, null, shape, json, records, typeNames);
                    return Emit.CSharp.Identifier(name) + q;
                }

                default:
                    return json ? "global::System.Text.Json.JsonElement?" : "object?";
            }
        }
    }
}
