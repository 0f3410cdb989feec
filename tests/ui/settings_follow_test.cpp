// Views follow the settings document themselves: a colour map chosen once reaches every map in the
// window, including the tabs that were not open (Intervene's before and after, Compare's A and
// B), and classroom mode's projector map reaches them too without being stored.
#include <gtest/gtest.h>

#include <QAction>
#include <QTest>

#include "documents/session.h"
#include "documents/settings.h"
#include "find_widget.h"
#include "qt_printers.h"
#include "teach/classroom_mode.h"
#include "teach/intervention_panel.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"

using attn::test::named;
using attn::ui::ColourMap;
using attn::ui::HeatmapView;

namespace {

ColourMap mapOf(const QObject& root, const char* name) {
  const HeatmapView* view = named<attn::ui::HeatmapView>(root, QString::fromLatin1(name));
  return view ? view->colourMap() : ColourMap::Viridis;
}

}  // namespace

TEST(SettingsFollow, TheColourMapReachesInterveneAndCompare) {
  attn::ui::Settings settings;
  attn::ui::MainWindow window(&settings);
  ASSERT_NE(mapOf(window, "interventionBefore"), ColourMap::Magma);
  auto* magma = named<QAction>(window, QStringLiteral("actionColour_magma"));
  ASSERT_NE(magma, nullptr);
  magma->trigger();
  EXPECT_EQ(settings.colourMap(), ColourMap::Magma);
  for (const char* name :
       {"interventionBefore", "interventionAfter", "compareA", "compareB", "alignmentHeatmap"})
    EXPECT_EQ(mapOf(window, name), ColourMap::Magma) << name;
  // The differences keep their diverging scale, whatever the map.
  EXPECT_NE(mapOf(window, "interventionDifference"), ColourMap::Magma);

  // Set on the document, not through the window's menu: the same.
  settings.setColourMap(ColourMap::Cividis);
  for (const char* name : {"interventionBefore", "interventionAfter", "compareA", "compareB"})
    EXPECT_EQ(mapOf(window, name), ColourMap::Cividis) << name;
  EXPECT_TRUE(named<QAction>(window, QStringLiteral("actionColour_cividis"))->isChecked());
}

TEST(SettingsFollow, ClassroomModesMapIsShownEverywhereAndNotStored) {
  attn::ui::Settings settings;
  attn::ui::MainWindow window(&settings);
  settings.setColourMap(ColourMap::Magma);
  window.classroomMode()->setActive(true);
  EXPECT_EQ(settings.shownColourMap(), attn::ui::ClassroomMode::kColourMap);
  for (const char* name : {"interventionBefore", "compareA"})
    EXPECT_EQ(mapOf(window, name), attn::ui::ClassroomMode::kColourMap) << name;
  EXPECT_EQ(settings.colourMap(), ColourMap::Magma);
  window.classroomMode()->setActive(false);
  for (const char* name : {"interventionBefore", "compareA"})
    EXPECT_EQ(mapOf(window, name), ColourMap::Magma) << name;
}

TEST(SettingsFollow, APanelMadeWithSettingsFollowsThemAlone) {
  attn::ui::Settings settings;
  settings.setColourMap(ColourMap::Greys);
  attn::ui::Session session;
  attn::ui::InterventionPanel panel(&session, &settings);
  EXPECT_EQ(mapOf(panel, "interventionBefore"), ColourMap::Greys) << "the map at construction";
  settings.setColourMap(ColourMap::Magma);
  EXPECT_EQ(mapOf(panel, "interventionAfter"), ColourMap::Magma);
}
