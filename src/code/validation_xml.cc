// ParseValidationXml: a small reader for the PETRARCH validation format.
#include <cstdlib>

#include "code/validation.h"

namespace parley {
namespace {

std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out.push_back('&');
    else if (ent == "lt") out.push_back('<');
    else if (ent == "gt") out.push_back('>');
    else if (ent == "quot") out.push_back('"');
    else if (ent == "apos") out.push_back('\'');
    else if (!ent.empty() && ent[0] == '#') {
      long cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                    ? std::strtol(std::string(ent.substr(2)).c_str(), nullptr, 16)
                    : std::strtol(std::string(ent.substr(1)).c_str(), nullptr, 10);
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | ((cp >> 12) & 0x0F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

// Replaces comments with spaces (keeps newlines so line numbers stay right).
std::string StripComments(std::string_view xml) {
  std::string out(xml);
  size_t pos = 0;
  while ((pos = out.find("<!--", pos)) != std::string::npos) {
    size_t end = out.find("-->", pos + 4);
    end = end == std::string::npos ? out.size() : end + 3;
    for (size_t i = pos; i < end; ++i) {
      if (out[i] != '\n') out[i] = ' ';
    }
    pos = end;
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Attributes of a start tag body: name = "v" / 'v'.
std::vector<std::pair<std::string, std::string>> Attributes(std::string_view tag) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = 0;
  while (i < tag.size()) {
    size_t eq = tag.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string name = Trim(tag.substr(i, eq - i));
    size_t sp = name.find_last_of(" \t\r\n");
    if (sp != std::string::npos) name = name.substr(sp + 1);
    size_t q = tag.find_first_of("\"'", eq);
    if (q == std::string_view::npos) break;
    size_t close = tag.find(tag[q], q + 1);
    if (close == std::string_view::npos) break;
    out.emplace_back(name, Decode(tag.substr(q + 1, close - q - 1)));
    i = close + 1;
  }
  return out;
}

std::string Attr(const std::vector<std::pair<std::string, std::string>>& attrs,
                 std::string_view name) {
  for (const auto& [k, v] : attrs) {
    if (k == name) return v;
  }
  return "";
}

// Text of every <tag>...</tag> inside `body`.
std::vector<std::string> Elements(std::string_view body, std::string_view tag) {
  std::vector<std::string> out;
  std::string open("<");
  open.append(tag).push_back('>');
  std::string close("</");
  close.append(tag).push_back('>');
  size_t pos = 0;
  while ((pos = body.find(open, pos)) != std::string_view::npos) {
    size_t end = body.find(close, pos);
    if (end == std::string_view::npos) break;
    out.push_back(Trim(Decode(body.substr(pos + open.size(), end - pos - open.size()))));
    pos = end + close.size();
  }
  return out;
}

uint32_t LineAt(std::string_view s, size_t pos) {
  uint32_t line = 1;
  for (size_t i = 0; i < pos && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

Status ParseRecord(std::string_view xml, size_t start, size_t tag_end, size_t end,
                   const std::string& path, ValidationRecord* r) {
  auto attrs = Attributes(xml.substr(start + 9, tag_end - start - 9));
  r->line = LineAt(xml, start);
  r->id = Attr(attrs, "id");
  r->category = Attr(attrs, "category");
  std::string date = Attr(attrs, "date");
  r->date = Date::Parse(date);
  if (!date.empty() && !r->date) {
    return InvalidArgumentError(path + ":" + std::to_string(r->line) + ": bad date '" + date +
                                "' (expected YYYYMMDD)");
  }
  std::string_view body = xml.substr(tag_end + 1, end - tag_end - 1);
  auto texts = Elements(body, "Text");
  if (texts.empty()) {
    return InvalidArgumentError(path + ":" + std::to_string(r->line) + ": <Sentence id='" +
                                r->id + "'> has no <Text>");
  }
  for (char ch : texts[0]) r->text.push_back(ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch);
  for (const std::string& parse : Elements(body, "Parse")) {
    int depth = 0;
    for (char ch : parse) {
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth < 0) break;
    }
    r->bad_parse |= depth != 0;
  }
  size_t pos = 0;
  while ((pos = body.find("<EventCoding", pos)) != std::string_view::npos) {
    size_t close = body.find('>', pos);
    if (close == std::string_view::npos) break;
    auto ea = Attributes(body.substr(pos + 12, close - pos - 12));
    if (!Attr(ea, "noevents").empty()) r->noevents = true;
    std::string err = Attr(ea, "error");
    if (!err.empty()) r->error = err;
    std::string code = Attr(ea, "eventcode");
    if (!code.empty()) {
      r->events.push_back({Attr(ea, "sourcecode"), Attr(ea, "targetcode"), code});
    }
    pos = close;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<ValidationFile> ParseValidationXml(std::string_view raw, const std::string& path) {
  std::string clean = StripComments(raw);
  std::string_view xml = clean;
  ValidationFile f;
  size_t env = xml.find("<Environment>");
  if (env != std::string_view::npos) {
    size_t env_end = xml.find("</Environment>", env);
    std::string_view e = xml.substr(env, env_end == std::string_view::npos ? xml.size() - env
                                                                            : env_end - env);
    auto one = [&](std::string_view tag) {
      auto v = Elements(e, tag);
      return v.empty() ? std::string() : v[0];
    };
    f.verbfile = one("Verbfile");
    f.actorfiles = Elements(e, "Actorfile");
    f.agentfile = one("Agentfile");
    f.discardfile = one("Discardfile");
  }
  size_t pos = 0;
  while ((pos = xml.find("<Sentence", pos)) != std::string_view::npos) {
    char next = pos + 9 < xml.size() ? xml[pos + 9] : '>';
    if (next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != '>') {
      pos += 9;
      continue;
    }
    size_t tag_end = xml.find('>', pos);
    size_t end = tag_end == std::string_view::npos ? tag_end : xml.find("</Sentence>", tag_end);
    if (end == std::string_view::npos) {
      return InvalidArgumentError(path + ":" + std::to_string(LineAt(xml, pos)) +
                                  ": <Sentence> without </Sentence>");
    }
    ValidationRecord r;
    PARLEY_RETURN_IF_ERROR(ParseRecord(xml, pos, tag_end, end, path, &r));
    f.records.push_back(std::move(r));
    pos = end + 11;
  }
  if (f.records.empty()) {
    return InvalidArgumentError(path + ": no <Sentence> records (is this a PETRARCH "
                                "validation file?)");
  }
  return f;
}

}  // namespace parley
